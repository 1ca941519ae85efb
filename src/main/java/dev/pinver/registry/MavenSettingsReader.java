package dev.pinver.registry;

import dev.pinver.Location;
import dev.pinver.PinverException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads one settings.xml with the JDK's StAX parser (no DTDs, no external entities) into
 * {@link MavenSettings}, keeping the line and column of every element for error messages.
 */
final class MavenSettingsReader {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private final Path file;
    private final Function<String, String> variables;

    MavenSettingsReader(Path file, Function<String, String> variables) {
        this.file = file;
        this.variables = variables;
    }

    /** An element: its local name, its own trimmed text, its child elements, and where its content starts. */
    private record Element(String name, String text, List<Element> children, int line, int column) {

        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).findFirst();
        }

        List<Element> all(String listName, String itemName) {
            return child(listName).map(list -> list.children.stream().filter(c -> c.name.equals(itemName)).toList())
                    .orElse(List.of());
        }
    }

    MavenSettings read() {
        Element root = parse();
        if (!root.name.equals("settings")) {
            throw error(root, "not a Maven settings file: the root element is <" + root.name + ">, not <settings>");
        }
        List<MavenSettings.Server> servers = new ArrayList<>();
        for (Element server : root.all("servers", "server")) {
            Map<String, String> headers = new LinkedHashMap<>();
            Optional<Element> httpHeaders = server.child("configuration").flatMap(c -> c.child("httpHeaders"));
            for (Element property : httpHeaders.map(h -> h.children).orElse(List.of())) {
                headers.put(required(property, "name"), value(property, "value"));
            }
            servers.add(new MavenSettings.Server(required(server, "id"), value(server, "username"), value(server, "password"),
                    headers));
        }
        List<MavenSettings.Mirror> mirrors = new ArrayList<>();
        for (Element mirror : root.all("mirrors", "mirror")) {
            mirrors.add(new MavenSettings.Mirror(required(mirror, "id"), required(mirror, "url"), required(mirror, "mirrorOf"),
                    valueOr(mirror, "layout", "default"), valueOr(mirror, "mirrorOfLayouts", "default,legacy"),
                    bool(mirror, "blocked", false)));
        }
        List<MavenSettings.Proxy> proxies = new ArrayList<>();
        for (Element proxy : root.all("proxies", "proxy")) {
            proxies.add(new MavenSettings.Proxy(valueOr(proxy, "id", "default"), bool(proxy, "active", true),
                    valueOr(proxy, "protocol", "http"), required(proxy, "host"), port(proxy), value(proxy, "username"),
                    value(proxy, "password"), value(proxy, "nonProxyHosts")));
        }
        String localRepository = value(root, "localRepository");
        return new MavenSettings(
                localRepository.isEmpty() ? Optional.empty() : Optional.of(Path.of(localRepository)),
                bool(root, "offline", false),
                mirrors, servers, proxies,
                activeRepositories(root));
    }

    private List<MavenRepository> activeRepositories(Element root) {
        List<String> listed = root.all("activeProfiles", "activeProfile").stream().map(e -> interpolate(e.text)).toList();
        List<Element> profiles = root.all("profiles", "profile");
        List<Element> active = profiles.stream().filter(p -> listed.contains(value(p, "id"))).toList();
        if (active.isEmpty()) {
            active = profiles.stream()
                    .filter(p -> p.child("activation").map(a -> bool(a, "activeByDefault", false)).orElse(false))
                    .toList();
        }
        List<MavenRepository> repositories = new ArrayList<>();
        for (Element profile : active) {
            for (Element repository : profile.all("repositories", "repository")) {
                repositories.add(new MavenRepository(required(repository, "id"), required(repository, "url"),
                        enabled(repository, "releases"), enabled(repository, "snapshots")));
            }
        }
        return repositories;
    }

    private boolean enabled(Element repository, String policy) {
        return repository.child(policy).map(p -> bool(p, "enabled", true)).orElse(true);
    }

    private Element parse() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return tree(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            javax.xml.stream.Location at = e.getLocation();
            String message = e.getMessage();
            int cut = message == null ? -1 : message.indexOf("Message: ");
            String reason = cut >= 0 ? message.substring(cut + "Message: ".length()) : String.valueOf(message);
            throw PinverException.badInput(location(at == null ? 1 : at.getLineNumber(), at == null ? 1 : at.getColumnNumber()),
                    "settings.xml is not well-formed XML: " + reason.strip());
        } catch (IOException e) {
            throw new PinverException(PinverException.Kind.BAD_INPUT, "cannot read settings file " + file + ": " + e.getMessage());
        }
    }

    private Element tree(XMLStreamReader xml) throws XMLStreamException {
        Deque<Element> open = new ArrayDeque<>();
        Deque<StringBuilder> texts = new ArrayDeque<>();
        Element root = null;
        while (xml.hasNext()) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.DTD -> throw PinverException.badInput(
                        location(xml.getLocation().getLineNumber(), xml.getLocation().getColumnNumber()),
                        "settings.xml must not have a DOCTYPE");
                case XMLStreamConstants.START_ELEMENT -> {
                    open.push(new Element(xml.getLocalName(), "", new ArrayList<>(), xml.getLocation().getLineNumber(),
                            xml.getLocation().getColumnNumber()));
                    texts.push(new StringBuilder());
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!texts.isEmpty()) {
                        texts.peek().append(xml.getText());
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Element started = open.pop();
                    Element done = new Element(started.name, texts.pop().toString().strip(), List.copyOf(started.children),
                            started.line, started.column);
                    if (open.isEmpty()) {
                        root = done;
                    } else {
                        open.peek().children.add(done);
                    }
                }
                default -> {
                    // comments, processing instructions and the document's start and end carry nothing
                }
            }
        }
        return root;
    }

    private String value(Element parent, String name) {
        return parent.child(name).map(e -> interpolate(e.text)).orElse("");
    }

    private String valueOr(Element parent, String name, String fallback) {
        String value = value(parent, name);
        return value.isEmpty() ? fallback : value;
    }

    private String required(Element parent, String name) {
        String value = value(parent, name);
        if (value.isEmpty()) {
            throw error(parent, "<" + parent.name + "> needs a <" + name + ">");
        }
        return value;
    }

    private boolean bool(Element parent, String name, boolean fallback) {
        Optional<Element> element = parent.child(name);
        if (element.isEmpty() || element.get().text.isEmpty()) {
            return fallback;
        }
        return switch (interpolate(element.get().text)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw error(element.get(), "<" + name + "> must be true or false, not '" + element.get().text + "'");
        };
    }

    private int port(Element proxy) {
        Optional<Element> element = proxy.child("port");
        if (element.isEmpty() || element.get().text.isEmpty()) {
            return 8080;
        }
        String text = interpolate(element.get().text);
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below, with the position
        }
        throw error(element.get(), "<port> must be a number from 1 to 65535, not '" + text + "'");
    }

    /** Replaces each {@code ${name}} that {@link #variables} knows; unknown references stay as written, as in Maven. */
    private String interpolate(String text) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = variables.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement == null ? m.group() : replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private PinverException error(Element at, String message) {
        return PinverException.badInput(location(at.line, at.column), message);
    }

    private Location location(int line, int column) {
        return new Location(file, Math.max(line, 1), Math.max(column, 1));
    }
}
