package org.omnitill.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class ResponsesTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theIdIsTheTopLevelIdWhereverItStands() {
        assertEquals("o-1", Responses.idOf("{\"id\":\"o-1\",\"lines\":[{\"id\":\"l-1\"}]}", json));
        assertEquals("o-2", Responses.idOf("{\"lines\":[{\"id\":\"l-1\"}],\"store\":{\"id\":\"s\"},\"id\":\"o-2\"}", json));
    }

    @Test
    void noUsableIdGivesNone() {
        assertNull(Responses.idOf("{\"lines\":[{\"id\":\"l-1\"}]}", json));
        assertNull(Responses.idOf("{\"id\":\"\"}", json));
        assertNull(Responses.idOf("{\"id\":42}", json));
        assertNull(Responses.idOf("{\"id\":{\"value\":\"x\"}}", json));
        assertNull(Responses.idOf("[{\"id\":\"x\"}]", json));
        assertNull(Responses.idOf("not json", json));
        assertNull(Responses.idOf("", json));
    }
}
