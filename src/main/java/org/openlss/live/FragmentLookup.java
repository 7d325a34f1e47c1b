package org.openlss.live;

/**
 * The answer to "give me the fragment of this quality level at this time", in the terms the HTTP status codes of
 * smooth-client.md §4 need.
 */
public record FragmentLookup(Outcome outcome, FragmentRef ref) {
    public enum Outcome {
        /** Visible to clients: serve it. */
        AVAILABLE,
        /** Newer than what is visible, or held back for lookahead: will exist soon (412). */
        NOT_YET_AVAILABLE,
        /** Inside the timeline but this level lacks it (lost during ingest): 412, as Unified Origin answers. */
        MISSING,
        /** Older than the DVR window (and its grace): 404. */
        OUT_OF_WINDOW,
        /** Not the start time of any fragment: 404. */
        NOT_A_FRAGMENT
    }

    static FragmentLookup of(Outcome outcome) {
        return new FragmentLookup(outcome, null);
    }
}
