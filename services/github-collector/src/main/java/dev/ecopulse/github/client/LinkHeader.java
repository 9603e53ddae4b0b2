package dev.ecopulse.github.client;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads GitHub's pagination {@code link} header (RFC 8288). */
public final class LinkHeader {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>\\s*;\\s*rel=\"([^\"]*)\"");
    private static final Pattern PAGE = Pattern.compile("[?&]page=(\\d{1,18})");

    private LinkHeader() {
    }

    /**
     * The page number of {@code rel="last"}: with {@code per_page=1} it is the number of items. Empty when there is no
     * such link (one page only) or it carries no page number.
     */
    public static OptionalLong lastPage(String header) {
        if (header == null) {
            return OptionalLong.empty();
        }
        Matcher link = LINK.matcher(header);
        while (link.find()) {
            if (link.group(2).equals("last")) {
                Matcher page = PAGE.matcher(link.group(1));
                if (page.find()) {
                    return OptionalLong.of(Long.parseLong(page.group(1)));
                }
            }
        }
        return OptionalLong.empty();
    }
}
