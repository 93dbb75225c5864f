package org.omnitill.device.receiptprinter.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.omnitill.api.device.CashDrawer;
import org.omnitill.api.device.DeviceException;
import org.omnitill.api.device.Receipt;
import org.omnitill.api.device.ReceiptPrinter;
import org.omnitill.api.order.OrderView;
import org.omnitill.api.plugin.PluginFamily;
import org.omnitill.api.plugin.PluginProperties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receipt printer without hardware: it writes each receipt as a UTF-8 text file
 * {@code <directory>/<storeId>/<orderNumber>.txt}, or logs it. A file is written to a temporary
 * name and then moved into place atomically, so a reader never sees half a receipt; printing an
 * order again replaces its file.
 *
 * <p>The stores it serves are the configuration key {@code omnitill.stores}, which DS publishes as
 * the service property {@link PluginProperties#STORES} the core routes receipts by.
 */
@Component(service = { ReceiptPrinter.class, CashDrawer.class }, configurationPid = TextReceiptPrinter.PID, property = {
        PluginProperties.ID + "=receipt-printer",
        PluginProperties.FAMILY + "=" + PluginFamily.DEVICE,
        PluginProperties.NAME + "=Receipt printer (file/log)" })
@Designate(ocd = TextReceiptPrinter.Config.class)
public class TextReceiptPrinter implements ReceiptPrinter, CashDrawer {

    static final String PID = "org.omnitill.device.receiptprinter";
    static final String KARAF_DATA = "karaf.data";
    static final String DEFAULT_DIRECTORY = "${" + KARAF_DATA + "}/receipts";

    private static final Logger LOG = LoggerFactory.getLogger(TextReceiptPrinter.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    enum Output {
        FILE, LOG
    }

    @ObjectClassDefinition(name = "Omnitill receipt printer (file/log)",
            description = "Writes receipts as text files, one per order, or to the log.")
    @interface Config {

        @AttributeDefinition(name = "Output", options = {
                @Option(label = "Text file per receipt", value = "file"),
                @Option(label = "Log at INFO", value = "log") })
        String output() default "file";

        @AttributeDefinition(name = "Directory",
                description = "Where receipt files go, one sub-directory per store. ${karaf.data} and other "
                        + "${system.property} references are resolved at run time.")
        String directory() default DEFAULT_DIRECTORY;

        /**
         * Key {@code omnitill.stores}: the same name as the service property, so DS publishes the
         * configured value as it is. A plain string, as a Karaf {@code .cfg} file gives it.
         */
        @AttributeDefinition(name = "Stores",
                description = "Ids of the stores this printer serves, comma-separated; * for every store.")
        String omnitill_stores() default "*";
    }

    /** The settings in force; replaced as a whole when the configuration changes. */
    record Settings(Output output, Path directory) {
    }

    private final UnaryOperator<String> systemProperties;
    private volatile Settings settings;

    @Activate
    public TextReceiptPrinter(Config config) {
        this(config, System::getProperty);
    }

    TextReceiptPrinter(Config config, UnaryOperator<String> systemProperties) {
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.settings = settings(config, systemProperties);
        LOG.info("Receipt printer writes to {} for stores {}", describe(settings), stores(config));
    }

    @Modified
    void modified(Config config) {
        this.settings = settings(config, systemProperties);
        LOG.info("Receipt printer now writes to {} for stores {}", describe(settings), stores(config));
    }

    Settings settings() {
        return settings;
    }

    @Override
    public void print(Receipt receipt) throws DeviceException {
        OrderView order = receipt == null ? null : receipt.order();
        if (order == null) {
            throw new DeviceException("Cannot print a receipt without its order");
        }
        if (isBlank(order.storeId()) || isBlank(order.orderNumber())) {
            throw new DeviceException("Cannot print the receipt of order " + order.id()
                    + ": it needs a store id and an order number");
        }
        if (receipt.text() == null) {
            throw new DeviceException("Receipt of order " + order.orderNumber() + " has no text");
        }
        Settings current = settings;
        if (current.output() == Output.LOG) {
            LOG.info("Receipt {} of store {}:{}{}", order.orderNumber(), order.storeId(), System.lineSeparator(),
                    receipt.text());
            return;
        }
        Path file = write(current.directory(), order.storeId(), order.orderNumber(), receipt.text());
        LOG.debug("Receipt {} of store {} written to {}", order.orderNumber(), order.storeId(), file);
    }

    /**
     * The drawer hangs on the printer's drawer port, so opening it is the ESC/POS pulse {@code ESC p 0 25 250}
     * sent through the printer: here one line per pulse appended to {@code <store>/drawer.log}, or logged.
     */
    @Override
    public void open(String storeId, String registerId) throws DeviceException {
        if (isBlank(storeId)) {
            throw new DeviceException("Cannot open a cash drawer without a store id");
        }
        String line = java.time.Instant.now() + " register=" + (isBlank(registerId) ? "-" : registerId)
                + " pulse=" + DRAWER_PULSE_HEX + System.lineSeparator();
        Settings current = settings;
        if (current.output() == Output.LOG) {
            LOG.info("Cash drawer of store {} register {} opened", storeId, registerId);
            return;
        }
        Path storeDirectory = current.directory().resolve(fileName(storeId));
        Path file = storeDirectory.resolve("drawer.log");
        try {
            Files.createDirectories(storeDirectory);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(line);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
        } catch (IOException | InvalidPathException e) {
            throw new DeviceException("Could not pulse the cash drawer of store " + storeId + " (" + file + "): " + e, e);
        }
    }

    /** ESC p m t1 t2: pulse pin 2 for 50 ms on, 500 ms off (Epson ESC/POS command reference, "ESC p"). */
    static final String DRAWER_PULSE_HEX = "1B700019FA";

    /** Writes the text to a temporary file beside the target, flushes it to disk, then renames it into place. */
    static Path write(Path directory, String storeId, String orderNumber, String text) throws DeviceException {
        Path storeDirectory = directory.resolve(fileName(storeId));
        String name = fileName(orderNumber);
        Path target = storeDirectory.resolve(name + ".txt");
        Path temp = storeDirectory.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(storeDirectory);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException | InvalidPathException e) {
            throw new DeviceException("Could not write the receipt of order " + orderNumber + " to " + target + ": " + e,
                    e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                LOG.warn("Could not remove the temporary receipt file {}: {}", temp, e.toString());
            }
        }
    }

    /**
     * A store id or order number as one file name: letters, digits, '-', '_' and (not first) '.' stay,
     * every other character becomes %XX of its UTF-8 bytes. Distinct ids stay distinct, and no id can
     * climb out of the directory ("../x" becomes "%2E.%2Fx").
     */
    static String fileName(String id) {
        StringBuilder name = new StringBuilder(id.length());
        byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            boolean safe = b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-' || b == '_'
                    || b == '.' && i > 0;
            if (safe) {
                name.append((char) b);
            } else {
                name.append('%').append(String.format(Locale.ROOT, "%02X", b));
            }
        }
        return name.toString();
    }

    static Settings settings(Config config, UnaryOperator<String> systemProperties) {
        return new Settings(output(config.output()), directory(config.directory(), systemProperties));
    }

    static Output output(String configured) {
        String value = isBlank(configured) ? "file" : configured.trim();
        try {
            return Output.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PID + ": output must be 'file' or 'log', was '" + configured + "'", e);
        }
    }

    /**
     * Resolves {@code ${name}} references to system properties. {@code ${karaf.data}} falls back to
     * {@code java.io.tmpdir}, with a warning, when Karaf has not set it (outside Karaf).
     */
    static Path directory(String configured, UnaryOperator<String> systemProperties) {
        String value = isBlank(configured) ? DEFAULT_DIRECTORY : configured.trim();
        Matcher matcher = PLACEHOLDER.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String property = matcher.group(1);
            String replacement = systemProperties.apply(property);
            if (replacement == null && KARAF_DATA.equals(property)) {
                replacement = systemProperties.apply("java.io.tmpdir");
                LOG.warn("System property {} is not set; receipts go under java.io.tmpdir ({}) instead", KARAF_DATA,
                        replacement);
            }
            if (replacement == null) {
                throw new IllegalArgumentException(PID + ": directory '" + value + "' refers to ${" + property
                        + "}, which is not set");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        try {
            return Path.of(resolved.toString()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(PID + ": directory '" + resolved + "' is not a valid path", e);
        }
    }

    private static String stores(Config config) {
        String stores = config.omnitill_stores();
        return isBlank(stores) ? "*" : stores.trim();
    }

    private static String describe(Settings settings) {
        return settings.output() == Output.LOG ? "the log" : settings.directory().toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
