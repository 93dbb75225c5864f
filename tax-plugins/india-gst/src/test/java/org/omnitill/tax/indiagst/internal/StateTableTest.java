package org.omnitill.tax.indiagst.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StateTableTest {

    private static final String HEADER = "iso_code,gst_code,name,local_tax,aliases\n";

    private final StateTable states = StateTable.bundled();

    @Test
    void twentyEightStatesAndEightUnionTerritories() {
        assertEquals(36, states.all().size());
        assertEquals(36, states.all().stream().map(GstState::gstCode).distinct().count());
        Set<String> utgst = states.all().stream().filter(s -> s.localTax() == GstState.LocalTax.UTGST)
                .map(GstState::isoCode).collect(Collectors.toSet());
        assertEquals(Set.of("AN", "CH", "DH", "LA", "LD"), utgst, "union territories without a legislature");
    }

    @ParameterizedTest(name = "{0} -> {1} ({2} {3})")
    @CsvSource({
            "KA,    KA, 29, Karnataka",
            "ka,    KA, 29, Karnataka",
            "IN-KA, KA, 29, Karnataka",
            "29,    KA, 29, Karnataka",
            "MH,    MH, 27, Maharashtra",
            "DL,    DL, 07, Delhi",
            "TN,    TN, 33, Tamil Nadu",
            "AP,    AP, 37, Andhra Pradesh",
            "TS,    TS, 36, Telangana",
            "TG,    TS, 36, Telangana",
            "CT,    CG, 22, Chhattisgarh",
            "OR,    OD, 21, Odisha",
            "UT,    UK, 05, Uttarakhand",
            "DN,    DH, 26, Dadra and Nagar Haveli and Daman and Diu",
            "DD,    DH, 26, Dadra and Nagar Haveli and Daman and Diu",
            "LA,    LA, 38, Ladakh",
            "JK,    JK, 01, Jammu and Kashmir"
    })
    void findsByIsoCodeAliasOrGstCode(String region, String iso, String gstCode, String name) {
        GstState state = states.find(region);
        assertEquals(iso, state.isoCode());
        assertEquals(gstCode, state.gstCode());
        assertEquals(name, state.name());
        assertEquals("IN-" + iso, state.jurisdiction());
        assertEquals(gstCode + " " + name, state.label());
    }

    @Test
    void unknownCodesAreNotFound() {
        for (String region : new String[] {"XX", "28", "97", "99", "IN-", "", "K A"}) {
            assertNull(states.find(region), region);
        }
        assertNull(states.find(null));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "ka,29,Karnataka,SGST, | 'ka'",
            "KA,9,Karnataka,SGST, | '9'",
            "KA,29,,SGST, | the name is empty",
            "KA,29,Karnataka,VAT, | local_tax must be SGST or UTGST",
            "KA,29,Karnataka,SGST,K | alias 'K'",
            "KA,29,Karnataka,SGST,\\nMH,29,Maharashtra,SGST, | code 29 is already used by 29 Karnataka",
            "KA,29,Karnataka,SGST | expected 5 columns"
    })
    void malformedRowsAreRefused(String rows, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateTable.read(new StringReader(HEADER + rows.replace("\\n", "\n") + "\n"), "states.csv"));
        assertTrue(e.getMessage().startsWith("states.csv line ") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void wrongHeaderIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StateTable.read(new StringReader("code,name\n"), "states.csv"));
        assertTrue(e.getMessage().contains("columns"), e.getMessage());
    }
}
