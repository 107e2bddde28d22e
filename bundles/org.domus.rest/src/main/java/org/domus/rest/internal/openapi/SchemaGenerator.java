package org.domus.rest.internal.openapi;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * JSON schemas (OpenAPI 3.0 dialect) for the Java types resources exchange, following how Jackson with our
 * configuration writes them: records and Java beans become named component schemas referenced by
 * {@code $ref}; {@code java.time} values are ISO-8601 strings; money ({@code BigDecimal}) is a number.
 */
public final class SchemaGenerator {

    private static final String REF_PREFIX = "#/components/schemas/";

    private final Map<String, Object> components = new TreeMap<>();
    private final Map<Class<?>, String> names = new LinkedHashMap<>();

    /** The named schemas collected so far, for {@code components.schemas}. */
    public Map<String, Object> components() {
        return components;
    }

    /** The schema of a type: inline for simple types, a {@code $ref} for records and beans. */
    public Map<String, Object> schema(Type type) {
        if (type instanceof Class<?> c) {
            return classSchema(c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] arguments = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                Map<String, Object> schema = map("type", "array", "items", schema(arguments[0]));
                if (Set.class.isAssignableFrom(raw)) {
                    schema.put("uniqueItems", true);
                }
                return schema;
            }
            if (Map.class.isAssignableFrom(raw)) {
                return map("type", "object", "additionalProperties", schema(arguments[1]));
            }
            if (raw == Optional.class) {
                return nullable(schema(arguments[0]));
            }
            return classSchema(raw);
        }
        if (type instanceof GenericArrayType array) {
            return map("type", "array", "items", schema(array.getGenericComponentType()));
        }
        if (type instanceof WildcardType wildcard && wildcard.getUpperBounds().length > 0) {
            return schema(wildcard.getUpperBounds()[0]);
        }
        if (type instanceof TypeVariable<?>) {
            return map("type", "object");
        }
        return map("type", "object");
    }

    private Map<String, Object> classSchema(Class<?> c) {
        Map<String, Object> simple = simple(c);
        if (simple != null) {
            return simple;
        }
        if (c.isArray()) {
            return map("type", "array", "items", schema(c.getComponentType()));
        }
        if (c.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : c.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return map("type", "string", "enum", values);
        }
        if (Collection.class.isAssignableFrom(c)) {
            return map("type", "array", "items", map("type", "object"));
        }
        if (Map.class.isAssignableFrom(c) || c == Object.class || c.isInterface()) {
            return map("type", "object");
        }
        return ref(c);
    }

    private Map<String, Object> ref(Class<?> c) {
        String name = names.get(c);
        if (name == null) {
            name = uniqueName(c);
            names.put(c, name);
            // Registered before the properties are walked, so that recursive types end in a $ref.
            components.put(name, map("type", "object"));
            components.put(name, objectSchema(c));
        }
        return map("$ref", REF_PREFIX + name);
    }

    /** The simple name; a clash (two modules' {@code Line}) is resolved with the enclosing class names. */
    private String uniqueName(Class<?> c) {
        String name = c.getSimpleName();
        if (!components.containsKey(name)) {
            return name;
        }
        StringBuilder qualified = new StringBuilder(name);
        for (Class<?> outer = c.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            qualified.insert(0, outer.getSimpleName());
        }
        name = qualified.toString();
        for (int i = 2; components.containsKey(name); i++) {
            name = qualified.toString() + i;
        }
        return name;
    }

    private Map<String, Object> objectSchema(Class<?> c) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        if (c.isRecord()) {
            for (RecordComponent component : c.getRecordComponents()) {
                Method accessor = component.getAccessor();
                if (accessor.isAnnotationPresent(JsonIgnore.class) || isIgnoredField(c, component.getName())) {
                    continue;
                }
                String name = propertyName(
                        component.getName(),
                        accessor.getAnnotation(JsonProperty.class),
                        fieldAnnotation(c, component.getName()));
                properties.put(name, schema(component.getGenericType()));
                if (component.getType().isPrimitive()) {
                    required.add(name);
                }
            }
        } else {
            for (Method method : c.getMethods()) {
                String property = beanProperty(method);
                if (property == null || method.isAnnotationPresent(JsonIgnore.class)) {
                    continue;
                }
                String name = propertyName(property, method.getAnnotation(JsonProperty.class), null);
                properties.put(name, schema(method.getGenericReturnType()));
                if (method.getReturnType().isPrimitive()) {
                    required.add(name);
                }
            }
        }
        Map<String, Object> schema = map("type", "object", "properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static JsonProperty fieldAnnotation(Class<?> c, String name) {
        try {
            return c.getDeclaredField(name).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static boolean isIgnoredField(Class<?> c, String name) {
        try {
            return c.getDeclaredField(name).isAnnotationPresent(JsonIgnore.class);
        } catch (NoSuchFieldException e) {
            return false;
        }
    }

    private static String propertyName(String name, JsonProperty onAccessor, JsonProperty onField) {
        JsonProperty annotation = onAccessor != null ? onAccessor : onField;
        return annotation != null && !annotation.value().isEmpty() ? annotation.value() : name;
    }

    private static String beanProperty(Method method) {
        if (Modifier.isStatic(method.getModifiers())
                || method.getParameterCount() != 0
                || method.getDeclaringClass() == Object.class) {
            return null;
        }
        String name = method.getName();
        if (name.startsWith("get") && name.length() > 3 && method.getReturnType() != void.class) {
            return decapitalize(name.substring(3));
        }
        if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
            return decapitalize(name.substring(2));
        }
        return null;
    }

    private static String decapitalize(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<String, Object> simple(Class<?> c) {
        if (c == String.class || c == char.class || c == Character.class) {
            return map("type", "string");
        }
        if (c == boolean.class || c == Boolean.class) {
            return map("type", "boolean");
        }
        if (c == int.class
                || c == Integer.class
                || c == short.class
                || c == Short.class
                || c == byte.class
                || c == Byte.class
                || c == OptionalInt.class) {
            return map("type", "integer", "format", "int32");
        }
        if (c == long.class || c == Long.class || c == OptionalLong.class) {
            return map("type", "integer", "format", "int64");
        }
        if (c == BigInteger.class) {
            return map("type", "integer");
        }
        if (c == double.class || c == Double.class || c == OptionalDouble.class) {
            return map("type", "number", "format", "double");
        }
        if (c == float.class || c == Float.class) {
            return map("type", "number", "format", "float");
        }
        if (c == BigDecimal.class) {
            return map("type", "number");
        }
        if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
            return map("type", "string", "format", "date-time");
        }
        if (c == LocalDate.class) {
            return map("type", "string", "format", "date");
        }
        if (c == LocalDateTime.class) {
            return map("type", "string", "example", "2026-11-03T10:15:30");
        }
        if (c == LocalTime.class) {
            return map("type", "string", "example", "10:15:30");
        }
        if (c == YearMonth.class) {
            return map("type", "string", "example", "2026-11");
        }
        if (c == Year.class) {
            return map("type", "integer", "format", "int32");
        }
        if (c == Duration.class || c == Period.class) {
            return map("type", "string", "format", "duration", "example", c == Duration.class ? "PT15M" : "P1M");
        }
        if (c == UUID.class) {
            return map("type", "string", "format", "uuid");
        }
        if (c == URI.class || c == URL.class) {
            return map("type", "string", "format", "uri");
        }
        if (c == Locale.class || c == ZoneId.class || c == Currency.class) {
            return map("type", "string");
        }
        if (c == byte[].class) {
            return map("type", "string", "format", "byte");
        }
        if (c == java.io.InputStream.class) {
            return map("type", "string", "format", "binary");
        }
        return null;
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        if (schema.containsKey("$ref")) {
            // OpenAPI 3.0 ignores siblings of $ref; allOf carries the nullable flag.
            return map("nullable", true, "allOf", List.of(schema));
        }
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put("nullable", true);
        return copy;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
