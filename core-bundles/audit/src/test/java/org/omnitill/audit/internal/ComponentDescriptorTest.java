package org.omnitill.audit.internal;

import org.junit.jupiter.api.Test;
import org.omnitill.api.audit.AuditTrail;
import org.omnitill.persistence.NodeIdentity;
import org.omnitill.persistence.TransactionRunner;
import org.omnitill.testkit.BundleManifest;
import org.omnitill.testkit.ComponentDescriptors;
import org.osgi.service.cm.SynchronousConfigurationListener;

/** What bnd generated: the DS descriptors and the manifest headers Karaf relies on. */
class ComponentDescriptorTest {

    @Test
    void auditTrailIsAServiceNeedingTransactionsAndANodeIdentity() {
        ComponentDescriptors.of(JpaAuditTrail.class)
                .assertProvides(AuditTrail.class)
                .assertReference(TransactionRunner.class)
                .assertReference(NodeIdentity.class);
    }

    @Test
    void platformAuditorStartsAtOnceAndListensSynchronouslyToConfigAdmin() {
        ComponentDescriptors.of(PlatformChangeAuditor.class)
                .assertImmediate(true)
                .assertProvides(SynchronousConfigurationListener.class)
                .assertReference(AuditTrail.class);
    }

    @Test
    void manifestDeclaresTheShellCommandsAndExportsNothing() {
        BundleManifest.of(JpaAuditTrail.class)
                .assertHeader("Bundle-SymbolicName", "org.omnitill.audit")
                .assertHeader("Karaf-Commands", "org.omnitill.audit.internal.shell")
                .assertExportsNothing()
                .assertImports("org.apache.karaf.shell.api.action", "resolution:=optional")
                .assertImports("org.apache.karaf.shell.api.action.lifecycle", "resolution:=optional");
    }
}
