package org.openlss.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads per-track samples out of the Prometheus text the server exports. */
final class Metrics {
    private Metrics() {
    }

    /** The samples of {@code metric} for {@code point}, by {@code stream/track}. */
    static Map<String, Double> samples(String text, String metric, String point) {
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "\\{point=\"" + Pattern.quote(point)
                + "\",stream=\"([^\"]*)\",track=\"([^\"]*)\",type=\"[^\"]*\",name=\"[^\"]*\"} (\\S+)$", Pattern.MULTILINE);
        Map<String, Double> samples = new LinkedHashMap<>();
        Matcher m = line.matcher(text);
        while (m.find()) {
            samples.put(m.group(1) + "/" + m.group(2), Double.parseDouble(m.group(3)));
        }
        return samples;
    }
}
