package dev.txlab.cli.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Masks credentials before anything is printed or written: password flags, passwords in URLs. */
public final class Secrets {
    public static final String MASK = "****";
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@]+):[^/@]*@");
    private static final Pattern URL_PASSWORD_PARAMETER = Pattern.compile("(?i)(password=)[^&;]*");

    private Secrets() {
    }

    public static String maskUrl(String url) {
        String masked = URL_USER_INFO.matcher(url).replaceAll("$1:" + MASK + "@");
        return URL_PASSWORD_PARAMETER.matcher(masked).replaceAll("$1" + MASK);
    }

    /** The command line with the value of every password flag masked, and passwords in URLs masked. */
    public static List<String> maskArgs(List<String> args) {
        List<String> masked = new ArrayList<>();
        boolean nextIsSecret = false;
        for (String arg : args) {
            if (nextIsSecret) {
                masked.add(MASK);
                nextIsSecret = false;
                continue;
            }
            String lower = arg.toLowerCase(Locale.ROOT);
            if (lower.startsWith("--") && lower.contains("password")) {
                int equals = arg.indexOf('=');
                if (equals >= 0) {
                    masked.add(arg.substring(0, equals + 1) + MASK);
                } else {
                    masked.add(arg);
                    nextIsSecret = true;
                }
                continue;
            }
            masked.add(maskUrl(arg));
        }
        return masked;
    }
}
