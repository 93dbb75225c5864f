package org.omnitill.testkit;

import static org.junit.jupiter.api.Assertions.fail;
import static org.omnitill.testkit.GeneratedFile.attribute;
import static org.omnitill.testkit.GeneratedFile.children;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.w3c.dom.Element;

/**
 * A metatype descriptor (OSGi Compendium R8, 105.3) bnd generated from an {@code @ObjectClassDefinition}: the
 * object class definition (OCD), its attribute definitions (AD) and the PIDs it is designated for. Each
 * assertion returns the descriptor; each failure shows it.
 */
public final class MetatypeDescriptor {

    private final GeneratedFile file;
    private final Element metadata;
    private final Element ocd;

    MetatypeDescriptor(Class<?> type) {
        this.file = GeneratedFile.beside(type, "OSGI-INF/metatype/" + type.getName() + ".xml");
        this.metadata = file.root("MetaData", "a metatype descriptor");
        List<Element> ocds = children(metadata, "OCD");
        Element match = null;
        for (Element candidate : ocds) {
            if (type.getName().equals(candidate.getAttribute("id")) || ocds.size() == 1) {
                match = candidate;
            }
        }
        this.ocd = match;
        if (ocd == null) {
            failWith("has no object class definition " + type.getName());
        }
    }

    /** The OCD's id. */
    public String id() {
        return ocd == null ? null : ocd.getAttribute("id");
    }

    /** The descriptor as generated. */
    public String xml() {
        return file.text();
    }

    /** That the OCD is designated for the configuration with this PID. */
    public MetatypeDescriptor assertPid(String pid) {
        return assertDesignated("pid", pid);
    }

    /** That the OCD is designated for the factory configurations with this factory PID. */
    public MetatypeDescriptor assertFactoryPid(String factoryPid) {
        return assertDesignated("factoryPid", factoryPid);
    }

    /** That the OCD defines an attribute with this id. */
    public MetatypeDescriptor assertAttribute(String id) {
        ad(id);
        return this;
    }

    /** That the OCD defines each of these attributes. */
    public MetatypeDescriptor assertAttributes(String... ids) {
        for (String id : ids) {
            ad(id);
        }
        return this;
    }

    /** That the OCD defines the attribute {@code id} of this type: {@code String}, {@code Password}, {@code Integer}... */
    public MetatypeDescriptor assertAttribute(String id, String type) {
        Element ad = ad(id);
        if (!type.equals(ad.getAttribute("type"))) {
            failWith("defines " + id + " as " + ad.getAttribute("type") + ", not " + type);
        }
        return this;
    }

    /** That the OCD defines the attribute {@code id} of this type and default (as written: comma-separated). */
    public MetatypeDescriptor assertAttribute(String id, String type, String defaultValue) {
        assertAttribute(id, type);
        String actual = attribute(ad(id), "default");
        if (!Objects.equals(actual, defaultValue)) {
            failWith("defines " + id + " with " + (actual == null ? "no default" : "the default \"" + actual + '"')
                    + ", not \"" + defaultValue + '"');
        }
        return this;
    }

    /** That the OCD defines no attribute with this id. */
    public MetatypeDescriptor assertNoAttribute(String id) {
        if (attributeIds().contains(id)) {
            failWith("defines the attribute " + id + ", which it should not");
        }
        return this;
    }

    /** The ids of the OCD's attributes, in order. */
    public List<String> attributeIds() {
        List<String> ids = new ArrayList<>();
        for (Element ad : children(ocd, "AD")) {
            ids.add(ad.getAttribute("id"));
        }
        return ids;
    }

    private MetatypeDescriptor assertDesignated(String attribute, String pid) {
        List<String> designated = new ArrayList<>();
        for (Element designate : children(metadata, "Designate")) {
            for (Element object : children(designate, "Object")) {
                if (id().equals(object.getAttribute("ocdref"))) {
                    String value = attribute(designate, attribute);
                    if (pid.equals(value)) {
                        return this;
                    }
                    designated.add(attribute + "=" + value);
                }
            }
        }
        return failWith("designates " + id() + " for " + (designated.isEmpty() ? "no configuration" : designated)
                + ", not " + attribute + "=" + pid);
    }

    private Element ad(String id) {
        for (Element ad : children(ocd, "AD")) {
            if (id.equals(ad.getAttribute("id"))) {
                return ad;
            }
        }
        return failWith("defines no attribute " + id + "; it defines " + attributeIds());
    }

    private <T> T failWith(String problem) {
        return fail("metatype " + (ocd == null ? "" : id() + " ") + problem + "\n--- " + file.path() + " in "
                + file.where() + "\n" + file.text());
    }
}
