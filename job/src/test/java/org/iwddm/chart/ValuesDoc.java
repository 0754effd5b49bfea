package org.iwddm.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented values of the chart's values.yaml: each key preceded by a "# --" comment (the
 * comment may go on over further # lines). A commented key with children documents them too
 * (its children are its default); an uncommented key must be a section whose children are all
 * documented. Only the block and inline YAML the chart's values.yaml uses is understood.
 */
final class ValuesDoc {
    /** One documented value: its dotted path, its default as written, and its description. */
    record Value(String path, String defaultValue, String description) {
    }

    private static final Pattern KEY = Pattern.compile("^( *)([A-Za-z0-9_.-]+):(?: (.*))?$");

    private final List<Value> values = new ArrayList<>();
    private final List<String> undocumented = new ArrayList<>();

    private ValuesDoc() {
    }

    static ValuesDoc of(String valuesYaml) {
        ValuesDoc doc = new ValuesDoc();
        doc.read(valuesYaml.split("\n", -1));
        return doc;
    }

    List<Value> values() {
        return values;
    }

    /** Leaf keys with no description, by path. */
    List<String> undocumented() {
        return undocumented;
    }

    private void read(String[] lines) {
        List<String> path = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        StringBuilder comment = null;
        int documentedIndent = -1;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                comment = null;
                continue;
            }
            if (trimmed.startsWith("# --")) {
                comment = new StringBuilder(trimmed.substring(4).strip());
                continue;
            }
            if (trimmed.startsWith("#")) {
                if (comment != null) {
                    comment.append(' ').append(trimmed.substring(1).strip());
                }
                continue;
            }
            Matcher key = KEY.matcher(line);
            if (!key.matches()) {
                throw new IllegalArgumentException("values.yaml line " + (i + 1) + " is not a key: " + line);
            }
            int indent = key.group(1).length();
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                path.remove(path.size() - 1);
            }
            if (documentedIndent >= 0 && indent > documentedIndent) {
                continue;
            }
            documentedIndent = -1;
            indents.add(indent);
            path.add(key.group(2));
            String inline = key.group(3);
            String dotted = String.join(".", path);
            if (comment != null) {
                String value = inline != null ? inline : block(lines, i + 1, indent);
                values.add(new Value(dotted, value, comment.toString()));
                if (inline == null) {
                    documentedIndent = indent;
                }
            } else if (inline != null) {
                undocumented.add(dotted);
            }
            comment = null;
        }
    }

    /** The child lines of a documented block key as inline YAML: {a: 1, b: {c: 2}}. */
    private static String block(String[] lines, int from, int parentIndent) {
        StringBuilder flow = new StringBuilder();
        List<Integer> open = new ArrayList<>();
        boolean first = true;
        for (int i = from; i < lines.length; i++) {
            Matcher key = KEY.matcher(lines[i]);
            if (lines[i].isBlank() || lines[i].strip().startsWith("#")) {
                continue;
            }
            if (!key.matches() || key.group(1).length() <= parentIndent) {
                break;
            }
            int indent = key.group(1).length();
            while (!open.isEmpty() && open.get(open.size() - 1) >= indent) {
                open.remove(open.size() - 1);
                flow.append('}');
            }
            flow.append(first ? "{" : ", ").append(key.group(2)).append(": ");
            first = false;
            if (key.group(3) == null) {
                open.add(indent);
                first = true;
            } else {
                flow.append(key.group(3));
            }
        }
        flow.append("}".repeat(open.size()));
        return flow.append('}').toString();
    }
}
