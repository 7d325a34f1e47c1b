package org.openlss.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.openlss.platform.AuditTrail;

/** Audit Log: the newest sign-ins, failed ones and management changes, who made them and when. */
@Named
@RequestScoped
public class AuditPage {
    @Inject
    AuditTrail audit;

    private List<AuditTrail.Entry> entries;

    public List<AuditTrail.Entry> getEntries() {
        if (entries == null) {
            entries = audit.recent();
        }
        return entries;
    }
}
