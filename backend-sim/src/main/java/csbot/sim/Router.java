package csbot.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps method and path to a handler. Path templates use {@code {name}} for one segment. */
final class Router {

    @FunctionalInterface
    interface Handler {
        Reply handle(Request request);
    }

    record Route(String method, String template, Pattern pattern, List<String> names, Handler handler) {

        /** How the route is named in logs and request counts, e.g. {@code GET /ext/v1/lines}. */
        String key() {
            return method + " " + template;
        }

        /** The simulator's own endpoints: never subject to faults. */
        boolean isTool() {
            return template.startsWith("/sim/");
        }
    }

    record Match(Route route, Map<String, String> pathParams) {
    }

    private static final Pattern PARAM = Pattern.compile("\\{(\\w+)}");

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        List<String> names = new ArrayList<>();
        Matcher params = PARAM.matcher(template);
        StringBuilder regex = new StringBuilder();
        int last = 0;
        while (params.find()) {
            regex.append(Pattern.quote(template.substring(last, params.start()))).append("([^/]+)");
            names.add(params.group(1));
            last = params.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        routes.add(new Route(method, template, Pattern.compile(regex.toString()), List.copyOf(names), handler));
        return this;
    }

    Match match(String method, String path) {
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher matcher = route.pattern().matcher(path);
            if (!matcher.matches()) {
                continue;
            }
            if (route.method().equals(method)) {
                Map<String, String> params = new HashMap<>();
                for (int i = 0; i < route.names().size(); i++) {
                    params.put(route.names().get(i), matcher.group(i + 1));
                }
                return new Match(route, params);
            }
            pathKnown = true;
        }
        throw pathKnown
                ? new ApiError(405, "methodNotAllowed", method + " is not allowed here")
                : ApiError.notFound("no such endpoint");
    }
}
