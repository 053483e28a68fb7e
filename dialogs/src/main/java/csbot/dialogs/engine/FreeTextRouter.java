package csbot.dialogs.engine;

import csbot.dialogs.i18n.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Free text outside a flow: a flow whose keywords match starts; otherwise a matching entry of the small FAQ in the
 * common texts ({@code faq.<id>.keywords}, {@code faq.<id>.answer}) answers. Flows come first, so when a capability
 * is added as a flow its keywords take over from the FAQ entry that only pointed to the hotline. When several flows
 * match, the one with the longest matching keyword wins ({@code 自动充值} is auto top-up, not the top-up its
 * {@code 充值} names); equally long matches go to the flow first in the menu.
 */
final class FreeTextRouter {

    sealed interface Route {
    }

    record StartFlow(Flow flow) implements Route {
    }

    record Answer(String textKey) implements Route {
    }

    private record FlowKeywords(Flow flow, Keywords keywords) {
    }

    private record FaqEntry(String answerKey, Keywords keywords) {
    }

    private final List<FlowKeywords> flows = new ArrayList<>();
    private final List<FaqEntry> faq = new ArrayList<>();

    FreeTextRouter(List<Flow> flowsInMenuOrder, Texts common) {
        for (Flow flow : flowsInMenuOrder) {
            flows.add(new FlowKeywords(flow, Keywords.from(flow.texts(), "keywords")));
        }
        for (String key : common.keys(csbot.dialogs.i18n.Lang.ZH_CN)) {
            if (key.startsWith("faq.") && key.endsWith(".keywords")) {
                String id = key.substring(0, key.length() - ".keywords".length());
                faq.add(new FaqEntry(id + ".answer", Keywords.from(common, key)));
            }
        }
    }

    Optional<Route> route(String text) {
        FlowKeywords best = null;
        int bestLength = 0;
        for (FlowKeywords candidate : flows) {
            int length = candidate.keywords().longestMatch(text);
            if (length > bestLength) {
                best = candidate;
                bestLength = length;
            }
        }
        if (best != null) {
            return Optional.of(new StartFlow(best.flow()));
        }
        for (FaqEntry entry : faq) {
            if (entry.keywords().matches(text)) {
                return Optional.of(new Answer(entry.answerKey()));
            }
        }
        return Optional.empty();
    }
}
