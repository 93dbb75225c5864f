package org.omnitill.payment.cardterminal.simulator.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;

import org.omnitill.payment.cardterminal.simulator.TerminalSimulator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link TerminalSimulator} in the container, and only when it is configured (PID
 * {@value #PID}, e.g. {@code etc/org.omnitill.payment.cardterminal.simulator.cfg} with {@code port=8443}):
 * without a configuration the component stays unsatisfied, so installing the bundle alone starts nothing.
 *
 * <p>Once the simulator listens it is registered as a service of type {@link TerminalSimulator} (with the
 * properties {@value #PROPERTY_URL}, {@value #PROPERTY_PORT}, {@value #PROPERTY_HOST} and
 * {@value #PROPERTY_POI_ID}), so that an in-container test can look it up and turn its knobs. A changed
 * configuration restarts it, which forgets its transactions.
 */
@Component(configurationPid = SimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        immediate = true)
@Designate(ocd = SimulatorComponent.Config.class)
public class SimulatorComponent {

    /** The configuration PID; nothing runs until a configuration with this PID exists. */
    public static final String PID = "org.omnitill.payment.cardterminal.simulator";
    /** Service property: the endpoint, e.g. {@code http://127.0.0.1:8443/nexo}. */
    public static final String PROPERTY_URL = "omnitill.simulator.url";
    /** Service property: the port listened on (an Integer). */
    public static final String PROPERTY_PORT = "omnitill.simulator.port";
    /** Service property: the configured host. */
    public static final String PROPERTY_HOST = "omnitill.simulator.host";
    /** Service property: the POIID the simulator answers to. */
    public static final String PROPERTY_POI_ID = "omnitill.simulator.poiId";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);

    @ObjectClassDefinition(name = "Omnitill card terminal SIMULATOR (development and tests only)",
            description = "A stand-in for a card terminal that speaks the nexo / Adyen Terminal API JSON messages "
                    + "over plain HTTP. It charges nothing: never configure it in production. Amounts ending in "
                    + ".13 are refused, everything else is approved.")
    @interface Config {

        @AttributeDefinition(name = "Port", min = "0", max = "65535",
                description = "TCP port of the endpoint http://<host>:<port>/nexo; 0 takes any free port. "
                        + "8443 is where the card terminal plugin looks by default.")
        int port() default 8443;

        @AttributeDefinition(name = "Host",
                description = "Address to listen on. The default keeps the simulator on this machine.")
        String host() default "127.0.0.1";

        @AttributeDefinition(name = "POIID",
                description = "The terminal id the simulator answers to; requests for another POIID are rejected.")
        String poiId() default TerminalSimulator.DEFAULT_POI_ID;
    }

    private final TerminalSimulator simulator;
    private final ServiceRegistration<TerminalSimulator> registration;

    @Activate
    public SimulatorComponent(BundleContext context, Config config) throws IOException {
        TerminalSimulator started = new TerminalSimulator(config.poiId()).start(config.port(), config.host());
        try {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(PROPERTY_URL, started.url().toString());
            properties.put(PROPERTY_PORT, started.port());
            properties.put(PROPERTY_HOST, config.host());
            properties.put(PROPERTY_POI_ID, started.poiId());
            properties.put(Constants.SERVICE_DESCRIPTION,
                    "Omnitill card terminal SIMULATOR on " + started.url() + ", not a real terminal");
            this.registration = context.registerService(TerminalSimulator.class, started, properties);
        } catch (RuntimeException e) {
            started.stop();
            throw e;
        }
        this.simulator = started;
        // TerminalSimulator.start has logged "terminal SIMULATOR listening on ..., not a real terminal" (WARN)
        LOG.warn("terminal SIMULATOR on {} runs because configuration {} exists; remove it in production",
                started.url(), PID);
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        simulator.stop();
    }
}
