package org.omnitill.api.catalog;

/** How an article is counted: by the piece, or weighed or measured with up to three decimals. */
public enum UnitOfMeasure {
    EACH(0, "pc"),
    KILOGRAM(3, "kg"),
    LITRE(3, "l"),
    METRE(3, "m");

    private final int maxDecimals;
    private final String symbol;

    UnitOfMeasure(int maxDecimals, String symbol) {
        this.maxDecimals = maxDecimals;
        this.symbol = symbol;
    }

    /** The most decimals a quantity in this unit may have (0 for pieces, 3 for grams of a kilogram). */
    public int maxDecimals() {
        return maxDecimals;
    }

    public String symbol() {
        return symbol;
    }
}
