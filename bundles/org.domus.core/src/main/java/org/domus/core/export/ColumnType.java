package org.domus.core.export;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.YearMonth;

/** What a column holds; decides the accepted cell values and how CSV and XLSX write them. */
public enum ColumnType {
    /** Any text ({@link CharSequence}; other objects are written through {@code toString()}). */
    TEXT,
    /** Whole numbers: {@link Integer}, {@link Long}, {@link Short}, {@link Byte} or {@link BigInteger}. */
    INTEGER,
    /** A {@link BigDecimal} (or another {@link Number}) written with its own scale. */
    DECIMAL,
    /** An amount of money: a {@link BigDecimal} written with two decimals, in XLSX as {@code #,##0.00}. */
    MONEY,
    /** A {@link LocalDate}: ISO {@code 2026-11-21} in CSV, a real date cell in XLSX. */
    DATE,
    /** A {@link YearMonth}: {@code 2026-11} in CSV, a date cell (first day) shown as {@code yyyy-mm} in XLSX. */
    MONTH;

    /** Whether a non-null value may stand in a column of this type. */
    boolean accepts(Object value) {
        return switch (this) {
            case TEXT -> true;
            case INTEGER -> value instanceof Integer
                    || value instanceof Long
                    || value instanceof Short
                    || value instanceof Byte
                    || value instanceof BigInteger;
            case DECIMAL, MONEY -> value instanceof Number;
            case DATE -> value instanceof LocalDate;
            case MONTH -> value instanceof YearMonth;
        };
    }
}
