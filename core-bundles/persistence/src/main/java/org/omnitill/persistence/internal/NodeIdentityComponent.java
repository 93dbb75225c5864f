package org.omnitill.persistence.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.omnitill.persistence.NodeIdentity;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@Component(configurationPid = "org.omnitill.node")
@Designate(ocd = NodeIdentityComponent.Config.class)
public class NodeIdentityComponent implements NodeIdentity {

    @ObjectClassDefinition(name = "Omnitill node", description = "The identity of this Omnitill node")
    public @interface Config {
        @AttributeDefinition(name = "Node id", description = "Unique among all nodes of a retailer; blank means the host name")
        String id() default "";
    }

    private volatile String nodeId;

    @Activate
    @Modified
    void configure(Config config) {
        nodeId = config.id().isBlank() ? hostName() : config.id().trim();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "node";
        }
    }

    @Override
    public String nodeId() {
        return nodeId;
    }
}
