/**
 * A card terminal simulator for development and tests: {@link TerminalSimulator} answers the nexo /
 * Adyen Terminal API messages the card terminal plugin sends, on a local socket, and its knobs make it
 * misbehave on purpose. It is never a real terminal: nothing is charged.
 */
@Version("1.0.0")
@Export
package org.omnitill.payment.cardterminal.simulator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
