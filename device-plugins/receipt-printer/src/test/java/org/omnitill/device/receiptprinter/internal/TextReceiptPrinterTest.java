package org.omnitill.device.receiptprinter.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.omnitill.api.device.DeviceException;
import org.omnitill.api.device.Receipt;
import org.omnitill.api.money.Money;
import org.omnitill.api.order.OrderView;

class TextReceiptPrinterTest {

    private static final String TEXT = "Bäckerei Müller\nBrötchen x 4      1,96 €\n合計\nMwSt 7%           0,13 €\n";

    @TempDir
    Path dir;

    static TextReceiptPrinter.Config config(String output, String directory, String stores) {
        return new TextReceiptPrinter.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return TextReceiptPrinter.Config.class;
            }

            @Override
            public String output() {
                return output;
            }

            @Override
            public String directory() {
                return directory;
            }

            @Override
            public String omnitill_stores() {
                return stores;
            }
        };
    }

    static UnaryOperator<String> properties(Map<String, String> values) {
        return values::get;
    }

    static Receipt receipt(String storeId, String orderNumber, String text) {
        Currency eur = Currency.getInstance("EUR");
        Money total = Money.of("1.96", "EUR");
        OrderView order = new OrderView("order-" + orderNumber, orderNumber, storeId, "register", "till-1", "cart-1",
                "anna", Instant.parse("2026-12-04T10:15:30Z"), eur, true, List.of(), List.of(), total,
                Money.of("0.13", "EUR"), total, Money.zero(eur), total, Money.zero(eur), List.of());
        return new Receipt(order, text);
    }

    private TextReceiptPrinter filePrinter() {
        return new TextReceiptPrinter(config("file", dir.toString(), "*"), properties(Map.of()));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void writesOneUtf8FilePerOrderUnderTheStore() throws Exception {
        filePrinter().print(receipt("store-1", "S1-000042", TEXT));
        Path file = dir.resolve("store-1").resolve("S1-000042.txt");
        assertEquals(TEXT, Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of(file), files(), "no temporary file may be left behind");
    }

    @Test
    void theDrawerPulseIsAppendedPerOpening() throws Exception {
        TextReceiptPrinter printer = filePrinter();
        printer.open("store-1", "till-1");
        printer.open("store-1", "till-2");
        List<String> lines = Files.readAllLines(dir.resolve("store-1").resolve("drawer.log"), StandardCharsets.UTF_8);
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).endsWith(" register=till-1 pulse=1B700019FA"), lines.get(0));
        assertTrue(lines.get(1).contains("register=till-2"), lines.get(1));
        assertThrows(org.omnitill.api.device.DeviceException.class, () -> printer.open(" ", "till-1"));
    }

    @Test
    void printingAgainReplacesTheFile() throws Exception {
        TextReceiptPrinter printer = filePrinter();
        printer.print(receipt("store-1", "7", "first"));
        printer.print(receipt("store-1", "7", "second"));
        assertEquals("second", Files.readString(dir.resolve("store-1/7.txt")));
        assertEquals(1, files().size());
    }

    @Test
    void storesGetSeparateDirectories() throws Exception {
        TextReceiptPrinter printer = filePrinter();
        printer.print(receipt("zurich", "1", "a"));
        printer.print(receipt("basel", "1", "b"));
        assertEquals("a", Files.readString(dir.resolve("zurich/1.txt")));
        assertEquals("b", Files.readString(dir.resolve("basel/1.txt")));
    }

    @Test
    void idsThatAreNotPlainFileNamesAreEncodedAndStayInside() throws Exception {
        TextReceiptPrinter printer = filePrinter();
        printer.print(receipt("../etc", "2026/0001", "x"));
        printer.print(receipt(".hidden", "Zürich 1", "y"));
        assertEquals("x", Files.readString(dir.resolve("%2E.%2Fetc").resolve("2026%2F0001.txt")));
        assertEquals("y", Files.readString(dir.resolve("%2Ehidden").resolve("Z%C3%BCrich%201.txt")));
        for (Path file : files()) {
            assertTrue(file.startsWith(dir), file.toString());
        }
    }

    @Test
    void fileNamesKeepSafeCharactersAndStayDistinct() {
        assertEquals("S1-000042_a.b", TextReceiptPrinter.fileName("S1-000042_a.b"));
        assertEquals("a%2Fb", TextReceiptPrinter.fileName("a/b"));
        assertEquals("a_b", TextReceiptPrinter.fileName("a_b"));
        assertEquals("a%25b", TextReceiptPrinter.fileName("a%b"));
        assertEquals("%2E.", TextReceiptPrinter.fileName(".."));
        assertEquals("%2Eenv", TextReceiptPrinter.fileName(".env"));
    }

    @Test
    void logModeWritesNoFile() throws Exception {
        TextReceiptPrinter printer = new TextReceiptPrinter(config("log", dir.toString(), "*"), properties(Map.of()));
        printer.print(receipt("store-1", "1", TEXT));
        assertEquals(List.of(), files());
        assertEquals(TextReceiptPrinter.Output.LOG, printer.settings().output());
    }

    @Test
    void reconfigurationSwitchesOutputAndDirectory() throws Exception {
        TextReceiptPrinter printer = new TextReceiptPrinter(config("log", dir.toString(), "*"), properties(Map.of()));
        printer.modified(config("FILE", dir.resolve("other").toString(), "store-1"));
        printer.print(receipt("store-1", "9", "z"));
        assertEquals("z", Files.readString(dir.resolve("other/store-1/9.txt")));
    }

    @Test
    void ioFailureIsADeviceExceptionNamingThePath() throws Exception {
        Path blocker = Files.writeString(dir.resolve("not-a-directory"), "plain file");
        TextReceiptPrinter printer = new TextReceiptPrinter(config("file", blocker.resolve("receipts").toString(), "*"),
                properties(Map.of()));
        DeviceException e = assertThrows(DeviceException.class, () -> printer.print(receipt("store-1", "1", "x")));
        assertTrue(e.getMessage().contains("order 1") && e.getMessage().contains("not-a-directory"), e.getMessage());
        assertTrue(e.getCause() instanceof IOException, String.valueOf(e.getCause()));
    }

    @Test
    void incompleteReceiptsAreDeviceExceptions() {
        TextReceiptPrinter printer = filePrinter();
        assertThrows(DeviceException.class, () -> printer.print(null));
        assertThrows(DeviceException.class, () -> printer.print(new Receipt(null, "x")));
        assertThrows(DeviceException.class, () -> printer.print(receipt("store-1", "1", null)));
        assertThrows(DeviceException.class, () -> printer.print(receipt(" ", "1", "x")));
        assertThrows(DeviceException.class, () -> printer.print(receipt("store-1", "", "x")));
    }

    @Test
    void concurrentPrintsEachLandWhole() throws Exception {
        TextReceiptPrinter printer = filePrinter();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String number = String.valueOf(i % 10);
                String text = ("receipt " + i + "\n").repeat(200);
                done.add(pool.submit(() -> {
                    printer.print(receipt("store-1", number, text));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Path> files = files();
        assertEquals(10, files.size(), files::toString);
        for (Path file : files) {
            String content = Files.readString(file);
            String first = content.substring(0, content.indexOf('\n') + 1);
            assertEquals(first.repeat(200), content, "a receipt file must hold exactly one whole receipt");
        }
    }

    // ---------------------------------------------------------------- configuration

    @Test
    void defaultDirectoryIsUnderKarafData() {
        Path resolved = TextReceiptPrinter.directory(TextReceiptPrinter.DEFAULT_DIRECTORY,
                properties(Map.of("karaf.data", "/opt/omnitill/data")));
        assertEquals(Path.of("/opt/omnitill/data/receipts"), resolved);
    }

    @Test
    void withoutKarafDataReceiptsGoToTheTemporaryDirectory() {
        Path resolved = TextReceiptPrinter.directory(TextReceiptPrinter.DEFAULT_DIRECTORY,
                properties(Map.of("java.io.tmpdir", "/var/tmp")));
        assertEquals(Path.of("/var/tmp/receipts"), resolved);
        assertEquals(Path.of("/var/tmp/receipts"), TextReceiptPrinter.directory(" ",
                properties(Map.of("java.io.tmpdir", "/var/tmp"))));
    }

    @Test
    void otherPropertiesAndPlainPathsResolve() {
        assertEquals(Path.of("/srv/pos/receipts"),
                TextReceiptPrinter.directory("${pos.home}/receipts", properties(Map.of("pos.home", "/srv/pos"))));
        assertEquals(Path.of("/srv/receipts"), TextReceiptPrinter.directory("/srv/x/../receipts", properties(Map.of())));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextReceiptPrinter.directory("${nowhere}/receipts", properties(Map.of())));
        assertTrue(e.getMessage().contains("${nowhere}"), e.getMessage());
    }

    @Test
    void outputIsFileOrLog() {
        assertEquals(TextReceiptPrinter.Output.FILE, TextReceiptPrinter.output("file"));
        assertEquals(TextReceiptPrinter.Output.FILE, TextReceiptPrinter.output(null));
        assertEquals(TextReceiptPrinter.Output.LOG, TextReceiptPrinter.output(" Log "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TextReceiptPrinter.output("printer"));
        assertTrue(e.getMessage().contains("'printer'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new TextReceiptPrinter(config("paper", dir.toString(), "*"), properties(Map.of())));
    }

    @Test
    void settingsUseTheResolvedDirectory() {
        TextReceiptPrinter printer = new TextReceiptPrinter(config("file", "${karaf.data}/receipts", "*"),
                properties(Map.of("karaf.data", dir.toString())));
        assertEquals(dir.resolve("receipts"), printer.settings().directory());
        assertFalse(Files.exists(dir.resolve("receipts")), "nothing is created before the first receipt");
    }
}
