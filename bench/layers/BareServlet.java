package bench;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * The floor of the container: answers GET /small (1.8 KB, a live manifest's size) and GET /big (226 KB, a 2 s video
 * fragment's size) from a byte[] built once, with no other work. What Payara Micro costs per request before any of
 * our code runs (bench/layers/layers.sh).
 */
@WebServlet(urlPatterns = {"/small", "/big"})
public class BareServlet extends HttpServlet {
    private static final byte[] SMALL = filled(1_843);
    private static final byte[] BIG = filled(231_424);

    private static byte[] filled(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        return b;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        byte[] body = request.getServletPath().equals("/small") ? SMALL : BIG;
        response.setContentType("application/octet-stream");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
