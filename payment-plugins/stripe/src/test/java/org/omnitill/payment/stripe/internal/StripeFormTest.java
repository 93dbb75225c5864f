package org.omnitill.payment.stripe.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Stripe API reference, "Introduction": form-encoded bodies with bracketed nested keys. */
class StripeFormTest {

    @Test
    void encodesValuesAndKeepsBracketsInKeysLiteral() {
        String body = new StripeForm()
                .add("amount", 1234)
                .add("metadata[cart_id]", "cart 1&2")
                .add("expand[]", "latest_charge")
                .add("query", "metadata['omnitill_payment_id']:'p=1'")
                .add("description", null)
                .encode();
        assertEquals("amount=1234&metadata[cart_id]=cart+1%262&expand[]=latest_charge"
                + "&query=metadata%5B%27omnitill_payment_id%27%5D%3A%27p%3D1%27", body);
    }

    @Test
    void anEmptyFormEncodesToNothing() {
        StripeForm form = new StripeForm().add("ignored", null);
        assertTrue(form.isEmpty());
        assertEquals("", form.encode());
    }
}
