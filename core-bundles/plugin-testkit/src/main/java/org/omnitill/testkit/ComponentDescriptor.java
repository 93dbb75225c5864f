package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.omnitill.testkit.GeneratedFile.attribute;
import static org.omnitill.testkit.GeneratedFile.children;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.w3c.dom.Element;

/**
 * A component's Declarative Services descriptor (OSGi Compendium R8, 112.4), as bnd generated it. Each
 * assertion returns the descriptor, so that they chain; each failure shows the descriptor. Where the XML leaves
 * an attribute out, its default from the specification applies.
 */
public final class ComponentDescriptor {

    private static final Map<String, String> REFERENCE_DEFAULTS = Map.of("cardinality", "1..1", "policy", "static",
            "policy-option", "reluctant", "scope", "bundle");

    /** The Java types of property values and their DS types (112.4.3.1). */
    private static final Map<Class<?>, String> DS_TYPES = Map.ofEntries(Map.entry(String.class, "String"),
            Map.entry(Boolean.class, "Boolean"), Map.entry(boolean.class, "Boolean"),
            Map.entry(Integer.class, "Integer"), Map.entry(int.class, "Integer"), Map.entry(Long.class, "Long"),
            Map.entry(long.class, "Long"), Map.entry(Double.class, "Double"), Map.entry(double.class, "Double"),
            Map.entry(Float.class, "Float"), Map.entry(float.class, "Float"), Map.entry(Short.class, "Short"),
            Map.entry(short.class, "Short"), Map.entry(Byte.class, "Byte"), Map.entry(byte.class, "Byte"),
            Map.entry(Character.class, "Character"), Map.entry(char.class, "Character"));

    private final GeneratedFile file;
    private final Element component;

    ComponentDescriptor(Class<?> type) {
        this.file = GeneratedFile.beside(type, "OSGI-INF/" + type.getName() + ".xml");
        this.component = file.root("component", "a DS component descriptor");
        List<Element> implementation = children(component, "implementation");
        String implementationClass = implementation.isEmpty() ? null : attribute(implementation.get(0), "class");
        if (!type.getName().equals(implementationClass)) {
            failWith("is not implemented by " + type.getName() + " but by " + implementationClass);
        }
    }

    /** The component's name. */
    public String name() {
        return component.getAttribute("name");
    }

    /** The descriptor as generated. */
    public String xml() {
        return file.text();
    }

    // ------------------------------------------------------------------ plugin metadata

    /**
     * That the component describes itself as a plugin the core can list: it provides a service, with the
     * {@link PluginProperties#FAMILY}, {@link PluginProperties#ID} and {@link PluginProperties#NAME} properties.
     */
    public ComponentDescriptor assertPluginDescribesItself(String family, String id, String name) {
        if (provided().isEmpty()) {
            failWith("provides no service, so the core never sees its plugin properties");
        }
        return assertPluginFamily(family).assertProperty(PluginProperties.ID, id)
                .assertProperty(PluginProperties.NAME, name);
    }

    /** That {@link PluginProperties#FAMILY} is {@code family}, which must be one of {@link PluginFamily}. */
    public ComponentDescriptor assertPluginFamily(String family) {
        List<String> families = knownFamilies();
        if (!families.contains(family)) {
            throw new IllegalArgumentException(family + " is no plugin family; the families are " + families);
        }
        return assertProperty(PluginProperties.FAMILY, family);
    }

    // ------------------------------------------------------------------ services

    /** That the component provides each of these services (it may provide others too). */
    public ComponentDescriptor assertProvides(Class<?>... services) {
        List<String> provided = provided();
        for (Class<?> service : services) {
            if (!provided.contains(service.getName())) {
                failWith("does not provide " + service.getName() + "; it provides " + provided);
            }
        }
        return this;
    }

    /** That the component provides no service (it has no {@code <service>} element). */
    public ComponentDescriptor assertProvidesNoService() {
        if (!children(component, "service").isEmpty()) {
            failWith("provides services " + provided() + ", none expected");
        }
        return this;
    }

    // ------------------------------------------------------------------ configuration and life cycle

    /** That the component reads its configuration from these PIDs, in this order (default: its name). */
    public ComponentDescriptor assertConfigurationPid(String... pids) {
        String value = attribute(component, "configuration-pid");
        List<String> actual = value == null ? List.of(name()) : Arrays.asList(value.trim().split("\\s+"));
        if (!actual.equals(Arrays.asList(pids))) {
            failWith("reads the configuration PIDs " + actual + ", not " + Arrays.asList(pids));
        }
        return this;
    }

    /** That the configuration policy is {@code optional} (the default), {@code require} or {@code ignore}. */
    public ComponentDescriptor assertConfigurationPolicy(String policy) {
        return assertComponentAttribute("configuration-policy", "optional", policy);
    }

    /** That the component is (or is not) immediate; by default only a component without a service is. */
    public ComponentDescriptor assertImmediate(boolean immediate) {
        boolean service = !children(component, "service").isEmpty() || component.hasAttribute("factory");
        return assertComponentAttribute("immediate", String.valueOf(!service), String.valueOf(immediate));
    }

    /** That DS calls this method with a new configuration (an {@code @Modified} method) instead of reactivating. */
    public ComponentDescriptor assertModified(String method) {
        return assertComponentAttribute("modified", null, method);
    }

    /** That DS calls this {@code @Activate} method once the component is constructed. */
    public ComponentDescriptor assertActivate(String method) {
        return assertComponentAttribute("activate", null, method);
    }

    /** That DS calls this {@code @Deactivate} method. */
    public ComponentDescriptor assertDeactivate(String method) {
        return assertComponentAttribute("deactivate", null, method);
    }

    // ------------------------------------------------------------------ properties

    /**
     * That the component has the property {@code name} with this value, whose Java type gives the DS type
     * ({@code "cash"} a String, {@code true} a Boolean, {@code 8443} an Integer); an array gives every value of
     * a multi-valued property.
     */
    public ComponentDescriptor assertProperty(String name, Object value) {
        Objects.requireNonNull(value, "value");
        Class<?> javaType = value.getClass().isArray() ? value.getClass().getComponentType() : value.getClass();
        String type = dsType(javaType);
        List<String> expected = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(value); i++) {
                expected.add(String.valueOf(Array.get(value, i)));
            }
        } else {
            expected.add(String.valueOf(value));
        }
        Element property = property(name);
        String actualType = Objects.requireNonNullElse(attribute(property, "type"), "String");
        List<String> actual = values(property);
        if (!actualType.equals(type) || !actual.equals(expected)) {
            failWith("has the property " + name + " = " + show(actual) + " (" + actualType + "), not " + show(expected)
                    + " (" + type + ")");
        }
        return this;
    }

    /** That the component has the property {@code name}, whatever its value (e.g. a private {@code .secret}). */
    public ComponentDescriptor assertHasProperty(String name) {
        property(name);
        return this;
    }

    /** That the component has no property {@code name}. */
    public ComponentDescriptor assertNoProperty(String name) {
        if (properties().containsKey(name)) {
            failWith("has the property " + name + ", which it should not have");
        }
        return this;
    }

    /** The values of each property, by name. */
    public Map<String, List<String>> properties() {
        Map<String, List<String>> properties = new LinkedHashMap<>();
        for (Element property : children(component, "property")) {
            properties.put(property.getAttribute("name"), values(property));
        }
        return properties;
    }

    // ------------------------------------------------------------------ references

    /** That the component references the service {@code service}. */
    public ComponentDescriptor assertReference(Class<?> service) {
        return assertReference(service, Map.of());
    }

    /**
     * That the component references the service {@code service} with these reference attributes, e.g.
     * {@code Map.of("name", "dataSource", "target", "(osgi.jndi.service.name=omnitill)")} or
     * {@code Map.of("cardinality", "0..1")}; an attribute the XML leaves out has its default value
     * ({@code cardinality} 1..1, {@code policy} static, {@code policy-option} reluctant, {@code scope} bundle).
     */
    public ComponentDescriptor assertReference(Class<?> service, Map<String, String> attributes) {
        List<Map<String, String>> references = new ArrayList<>();
        for (Element reference : children(component, "reference")) {
            if (service.getName().equals(reference.getAttribute("interface"))) {
                Map<String, String> actual = new LinkedHashMap<>();
                for (String attribute : attributes.keySet()) {
                    actual.put(attribute, reference.hasAttribute(attribute) ? reference.getAttribute(attribute)
                            : REFERENCE_DEFAULTS.get(attribute));
                }
                if (actual.equals(attributes)) {
                    return this;
                }
                references.add(actual);
            }
        }
        if (references.isEmpty()) {
            failWith("does not reference " + service.getName());
        }
        return failWith("references " + service.getName() + " with " + references + ", not " + attributes);
    }

    // ------------------------------------------------------------------ internals

    private ComponentDescriptor assertComponentAttribute(String attribute, String defaultValue, String expected) {
        String actual = component.hasAttribute(attribute) ? component.getAttribute(attribute) : defaultValue;
        if (!Objects.equals(actual, expected)) {
            failWith("has " + attribute + (actual == null ? " unset" : " = " + actual) + ", not " + expected);
        }
        return this;
    }

    private List<String> provided() {
        List<String> provided = new ArrayList<>();
        for (Element service : children(component, "service")) {
            for (Element provide : children(service, "provide")) {
                provided.add(provide.getAttribute("interface"));
            }
        }
        return provided;
    }

    private Element property(String name) {
        for (Element property : children(component, "property")) {
            if (name.equals(property.getAttribute("name"))) {
                return property;
            }
        }
        return failWith("has no property " + name + "; its properties are " + properties().keySet());
    }

    /** A property's value attribute, or else the lines of its body (one value each, 112.4.3.1). */
    private static List<String> values(Element property) {
        String value = attribute(property, "value");
        if (value != null) {
            return List.of(value);
        }
        return Arrays.stream(property.getTextContent().split("\\R")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toList());
    }

    private static String dsType(Class<?> type) {
        String dsType = DS_TYPES.get(type);
        if (dsType == null) {
            throw new IllegalArgumentException("DS properties have no type for " + type.getName());
        }
        return dsType;
    }

    private static String show(List<String> values) {
        return values.size() == 1 ? '"' + values.get(0) + '"' : values.toString();
    }

    private static List<String> knownFamilies() {
        List<String> families = new ArrayList<>();
        for (Field field : PluginFamily.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    families.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return families;
    }

    private <T> T failWith(String problem) {
        return fail("component " + name() + " " + problem + "\n--- " + file.path() + " in " + file.where() + "\n"
                + file.text());
    }
}
