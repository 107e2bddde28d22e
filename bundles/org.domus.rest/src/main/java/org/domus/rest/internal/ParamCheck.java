package org.domus.rest.internal;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.ws.rs.QueryParam;

/**
 * Finds which query parameter a client got wrong. JAX-RS turns every failed path, query and matrix
 * parameter conversion into the same 404, but a bad query value is the client's typo in an existing
 * resource, so we answer 400 and name the parameter; a bad path value stays a 404.
 */
final class ParamCheck {

    private ParamCheck() {}

    /** Name of the first query parameter whose value does not convert to the method's type. */
    static Optional<String> firstInvalidQueryParam(Method method, Map<String, List<String>> query) {
        if (method == null) {
            return Optional.empty();
        }
        for (Parameter parameter : method.getParameters()) {
            QueryParam annotation = parameter.getAnnotation(QueryParam.class);
            if (annotation == null) {
                continue;
            }
            List<String> values = query.get(annotation.value());
            if (values == null) {
                continue;
            }
            Class<?> target = elementClass(parameter);
            for (String value : values) {
                if (!converts(value, target)) {
                    return Optional.of(annotation.value());
                }
            }
        }
        return Optional.empty();
    }

    private static Class<?> elementClass(Parameter parameter) {
        Class<?> raw = parameter.getType();
        if (Collection.class.isAssignableFrom(raw) || raw == Optional.class) {
            Type type = parameter.getParameterizedType();
            if (type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
                return c;
            }
            return String.class;
        }
        return raw;
    }

    /** Mirrors the conversions JAX-RS applies: primitives, valueOf/fromString/parse, String constructor. */
    static boolean converts(String value, Class<?> target) {
        try {
            if (target == String.class || target == Object.class) {
                return true;
            }
            if (target == int.class || target == Integer.class) {
                Integer.parseInt(value.trim());
            } else if (target == long.class || target == Long.class) {
                Long.parseLong(value.trim());
            } else if (target == short.class || target == Short.class) {
                Short.parseShort(value.trim());
            } else if (target == byte.class || target == Byte.class) {
                Byte.parseByte(value.trim());
            } else if (target == double.class || target == Double.class) {
                Double.parseDouble(value);
            } else if (target == float.class || target == Float.class) {
                Float.parseFloat(value);
            } else if (target == boolean.class || target == Boolean.class) {
                return true; // Boolean.valueOf accepts anything
            } else if (target == char.class || target == Character.class) {
                return value.length() == 1;
            } else if (target.isEnum()) {
                for (Object constant : target.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(value)) {
                        return true;
                    }
                }
                return false;
            } else {
                return convertsByFactory(value, target);
            }
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean convertsByFactory(String value, Class<?> target) {
        for (String name : new String[] {"fromString", "valueOf", "parse"}) {
            for (Class<?> argument : new Class<?>[] {String.class, CharSequence.class}) {
                try {
                    Method factory = target.getMethod(name, argument);
                    if (Modifier.isStatic(factory.getModifiers())) {
                        try {
                            factory.invoke(null, value);
                            return true;
                        } catch (ReflectiveOperationException e) {
                            return false;
                        }
                    }
                } catch (NoSuchMethodException e) {
                    // try the next factory
                }
            }
        }
        try {
            target.getConstructor(String.class).newInstance(value);
            return true;
        } catch (NoSuchMethodException e) {
            return true; // a converter we cannot see: do not blame the client
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
