package org.omnitill.testkit;

/**
 * Entry point to the descriptors bnd generates from a plugin's OSGi annotations, read from the test class path
 * and checked with fluent assertions that fail with the whole descriptor in the message:
 *
 * <pre>
 * ComponentDescriptors.of(CashPayment.class)
 *         .assertPluginDescribesItself(PluginFamily.PAYMENT, "cash", "Cash")
 *         .assertProvides(PaymentMethod.class)
 *         .assertConfigurationPid("org.omnitill.payment.cash")
 *         .assertModified("modified");
 * ComponentDescriptors.metatype(CashPayment.Config.class)
 *         .assertPid("org.omnitill.payment.cash")
 *         .assertAttributes("currencyIncrements", "countryIncrements");
 * </pre>
 *
 * bnd writes the descriptors into {@code target/classes} at {@code process-classes}, so the tests see them when
 * Maven runs them ({@code mvn verify}).
 */
public final class ComponentDescriptors {

    private ComponentDescriptors() {
    }

    /**
     * The Declarative Services descriptor {@code OSGI-INF/<class name>.xml} of the component implemented by
     * {@code component} (bnd names it after the component name, which defaults to the class name).
     */
    public static ComponentDescriptor of(Class<?> component) {
        return new ComponentDescriptor(component);
    }

    /** The metatype descriptor {@code OSGI-INF/metatype/<class name>.xml} of an object class definition. */
    public static MetatypeDescriptor metatype(Class<?> objectClassDefinition) {
        return new MetatypeDescriptor(objectClassDefinition);
    }

    /**
     * That the component describes itself as a plugin the core can list: it provides a service with the
     * {@code omnitill.plugin.family}, {@code .id} and {@code .name} properties, all strings, the family one of
     * {@link org.omnitill.api.plugin.PluginFamily}.
     */
    public static ComponentDescriptor assertPluginDescribesItself(Class<?> component, String family, String id,
            String name) {
        return of(component).assertPluginDescribesItself(family, id, name);
    }
}
