package dev.txlab.report;

import java.util.List;

/** One colour per series, stable by position; chosen to stay apart for common colour blindness. */
final class Palette {
    private static final List<String> COLOURS =
            List.of("#4c72b0", "#dd8452", "#55a868", "#c44e52", "#8172b3", "#937860", "#da8bc3", "#8c8c8c");

    private Palette() {
    }

    static String colour(int index) {
        return COLOURS.get(Math.floorMod(index, COLOURS.size()));
    }
}
