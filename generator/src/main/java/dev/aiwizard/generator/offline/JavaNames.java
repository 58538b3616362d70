package dev.aiwizard.generator.offline;

import java.util.Set;

/**
 * Java names for what the spec calls things. The spec keeps people's names ("class", "Thread"); the generated code
 * renames only where Java would not compile or a name would hide a type the code uses.
 */
final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "when", "_");
    /** Record components may not shadow these methods every object has. */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "hashCode", "equals", "toString", "clone",
            "finalize", "notify", "notifyAll", "wait", "withId");
    /**
     * Types the generated code refers to by simple name, from java.lang, its imports, Helidon, Jackson and JUnit;
     * an entity with one of these names would hide it.
     */
    private static final Set<String> USED_TYPES = Set.of("Object", "String", "Long", "Integer", "Boolean", "Double",
            "Float", "Short", "Byte", "Character", "Number", "Math", "System", "Record", "Override", "Exception",
            "RuntimeException", "Error", "Throwable", "Thread", "Class", "Enum", "Iterable", "Comparable", "Void",
            "Runnable", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs", "StringBuilder",
            "IllegalArgumentException", "IllegalStateException", "NumberFormatException", "InterruptedException",
            "Process", "Runtime", "List", "Set", "Map", "Optional", "OptionalLong", "ArrayList", "Iterator",
            "ConcurrentSkipListMap", "AtomicLong", "ExecutorService", "Executors", "IntStream", "BigDecimal",
            "LocalDate", "Instant", "DateTimeParseException", "IOException", "UncheckedIOException", "URI",
            "HttpClient", "HttpRequest", "HttpResponse", "WebServer", "HttpRouting", "HttpRules", "HttpService",
            "ServerRequest", "ServerResponse", "Status", "HeaderNames", "MediaTypes", "ObjectMapper", "JsonMapper",
            "JsonNode", "ObjectNode", "ArrayNode", "JsonProcessingException", "DeserializationFeature",
            "JsonNodeFeature", "Test", "BeforeAll", "AfterAll", "ParameterizedTest", "MethodSource", "Arguments",
            "Assertions", "Main", "Json", "MainTest", "TestHttp", "Parsed");

    private JavaNames() {
    }

    /** The class name for entity {@code name}: itself, or {@code NameEntity} when it would clash. */
    static String type(String name) {
        return USED_TYPES.contains(name) ? name + "Entity" : name;
    }

    /** The record component name for field {@code name}: itself, or {@code nameValue} when Java forbids it. */
    static String member(String name) {
        return KEYWORDS.contains(name) || OBJECT_METHODS.contains(name) ? name + "Value" : name;
    }

    /** A local variable or parameter name: itself unless a keyword or one of the names {@code taken}. */
    static String variable(String name, Set<String> taken) {
        return KEYWORDS.contains(name) || taken.contains(name) ? name + "Repository" : name;
    }

    /** Whether {@code word} may be a package name segment. */
    static boolean isPackageSegment(String word) {
        return word.matches("[a-z][a-z0-9]*") && !KEYWORDS.contains(word);
    }
}
