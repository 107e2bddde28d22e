package org.domus.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;
import org.domus.core.DomusException;
import org.domus.core.DomusException.Kind;
import org.domus.core.Subject;
import org.domus.ledger.AccountKind;
import org.domus.ledger.LedgerAccount;
import org.domus.ledger.LedgerAmounts;
import org.domus.ledger.LedgerTransaction;
import org.domus.ledger.Posting;
import org.domus.ledger.TransactionKind;

/**
 * The write path and the hot reads of the books, in plain JDBC on the connection of the caller's
 * {@link EntityManager} (so in its transaction): postings are inserted in JDBC batches, the running
 * balance of each touched account and its monthly turnover row are updated in the same transaction.
 *
 * <p>Append-only: the only statements on {@code LEDGER_POSTING} here are INSERT and SELECT. Account rows
 * are locked by the balance UPDATE before the month rows are touched, in account-id order, so two
 * transactions on the same account serialise and never deadlock each other.
 */
final class Books {

    /** Rows per JDBC batch. */
    static final int BATCH = 1000;

    /** An account as the write path needs it ({@code kind} may be null: the write path never reads it). */
    record AccountRef(long id, long organisationId, AccountKind kind, Long unitId, String currency) {}

    /** One posting to write. */
    record Line(AccountRef account, BigDecimal amount, Long componentId, YearMonth period) {}

    /** Who posts, when. */
    record Stamp(Subject actor, Instant at) {
        Long actorId() {
            return actor == null || actor.accountId() <= 0 ? null : actor.accountId();
        }

        String login() {
            return actor == null ? "system" : actor.login();
        }
    }

    private Books() {}

    static Connection connection(EntityManager em) {
        Connection c = em.unwrap(Connection.class);
        if (c == null) {
            throw new IllegalStateException("the books are written inside a transaction");
        }
        return c;
    }

    static PersistenceException failure(SQLException e) {
        return new PersistenceException(e.getMessage(), e);
    }

    // ---- books and accounts ------------------------------------------------------------------------

    /** The currency of the organisation's books, or empty before the first use. */
    static Optional<String> bookCurrency(EntityManager em, long organisationId) {
        try (PreparedStatement ps =
                connection(em).prepareStatement("SELECT CURRENCY FROM LEDGER_BOOK WHERE ORGANISATION_ID = ?")) {
            ps.setLong(1, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Creates the organisation's book row (callers checked it is absent). */
    static void createBook(EntityManager em, long organisationId, String currency, Instant at) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement(
                        "INSERT INTO LEDGER_BOOK (ORGANISATION_ID, CURRENCY, RUNS, CREATED_AT) VALUES (?, ?, 0, ?)")) {
            ps.setLong(1, organisationId);
            ps.setString(2, currency);
            ps.setTimestamp(3, timestamp(at));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * Locks the organisation's book row until the transaction ends: billing runs and account creation of
     * one organisation take it, so they run one after another.
     */
    static void lockBook(EntityManager em, long organisationId) {
        try (PreparedStatement ps =
                connection(em).prepareStatement("UPDATE LEDGER_BOOK SET RUNS = RUNS + 1 WHERE ORGANISATION_ID = ?")) {
            ps.setLong(1, organisationId);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no book for organisation " + organisationId);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static String unitCode(long unitId, String currency) {
        return "UNIT:" + unitId + ":" + currency;
    }

    static String organisationCode(AccountKind kind, Long componentId, String currency) {
        return kind == AccountKind.INCOME ? "INCOME:" + componentId + ":" + currency : kind.name() + ":" + currency;
    }

    private static final String ACCOUNT_COLUMNS =
            "ID, ORGANISATION_ID, KIND, CODE, NAME, UNIT_ID, COMPONENT_ID, CURRENCY, BALANCE";

    static Optional<LedgerAccount> account(EntityManager em, long organisationId, String code) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement(
                        "SELECT " + ACCOUNT_COLUMNS + " FROM LEDGER_ACCOUNT WHERE ORGANISATION_ID = ? AND CODE = ?")) {
            ps.setLong(1, organisationId);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static Optional<LedgerAccount> account(EntityManager em, long accountId) {
        try (PreparedStatement ps =
                connection(em).prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM LEDGER_ACCOUNT WHERE ID = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(account(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static List<LedgerAccount> organisationAccounts(EntityManager em, long organisationId) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM LEDGER_ACCOUNT WHERE ORGANISATION_ID = ?"
                        + " AND KIND <> 'UNIT_RECEIVABLE' ORDER BY CODE")) {
            ps.setLong(1, organisationId);
            List<LedgerAccount> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(account(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Receivable accounts of these units in the currency, by unit id (absent units have none yet). */
    static Map<Long, LedgerAccount> unitAccounts(EntityManager em, long organisationId, String currency) {
        Map<Long, LedgerAccount> result = new HashMap<>();
        try (PreparedStatement ps = connection(em)
                .prepareStatement("SELECT " + ACCOUNT_COLUMNS + " FROM LEDGER_ACCOUNT WHERE ORGANISATION_ID = ?"
                        + " AND KIND = 'UNIT_RECEIVABLE' AND CURRENCY = ?")) {
            ps.setLong(1, organisationId);
            ps.setString(2, currency);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    LedgerAccount a = account(rs);
                    result.put(a.unitId(), a);
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static LedgerAccount account(ResultSet rs) throws SQLException {
        return new LedgerAccount(
                rs.getLong(1),
                rs.getLong(2),
                AccountKind.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                nullableLong(rs, 6),
                nullableLong(rs, 7),
                rs.getString(8),
                rs.getBigDecimal(9));
    }

    /** Inserts accounts (the caller holds the book lock and checked their codes are free). */
    static List<LedgerAccount> createAccounts(EntityManager em, List<LedgerAccount> accounts, Instant at) {
        List<LedgerAccount> created = new ArrayList<>();
        try (PreparedStatement ps = connection(em)
                .prepareStatement(
                        "INSERT INTO LEDGER_ACCOUNT (ORGANISATION_ID, KIND, CODE, NAME, UNIT_ID, COMPONENT_ID, CURRENCY,"
                                + " BALANCE, CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            for (LedgerAccount a : accounts) {
                ps.setLong(1, a.organisationId());
                ps.setString(2, a.kind().name());
                ps.setString(3, a.code());
                ps.setString(4, a.name());
                setLong(ps, 5, a.unitId());
                setLong(ps, 6, a.componentId());
                ps.setString(7, a.currency());
                ps.setTimestamp(8, timestamp(at));
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    created.add(new LedgerAccount(
                            keys.getLong(1),
                            a.organisationId(),
                            a.kind(),
                            a.code(),
                            a.name(),
                            a.unitId(),
                            a.componentId(),
                            a.currency(),
                            BigDecimal.ZERO.setScale(LedgerAmounts.SCALE)));
                }
            }
            return created;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static AccountRef ref(LedgerAccount a) {
        return new AccountRef(a.id(), a.organisationId(), a.kind(), a.unitId(), a.currency());
    }

    // ---- posting -----------------------------------------------------------------------------------

    /**
     * Checks the lines (non-zero, two decimals, one organisation, balanced per currency) and refuses them
     * with INVALID before anything is written.
     */
    static void check(long organisationId, List<Line> lines) {
        if (lines.size() < 2) {
            throw new DomusException(Kind.INVALID, "ledger.transaction.too-few-lines");
        }
        Map<String, BigDecimal> sums = new TreeMap<>();
        for (Line line : lines) {
            if (line.account().organisationId() != organisationId) {
                throw new DomusException(
                        Kind.INVALID, "ledger.account.not-found", line.account().id());
            }
            BigDecimal amount = line.amount();
            if (amount.signum() == 0 || amount.stripTrailingZeros().scale() > LedgerAmounts.SCALE) {
                throw new DomusException(Kind.INVALID, "ledger.amount.invalid", amount.toPlainString());
            }
            sums.merge(line.account().currency(), amount, BigDecimal::add);
        }
        for (Map.Entry<String, BigDecimal> sum : sums.entrySet()) {
            if (sum.getValue().signum() != 0) {
                throw new DomusException(
                        Kind.INVALID,
                        "ledger.transaction.unbalanced",
                        sum.getKey(),
                        sum.getValue().toPlainString());
            }
        }
    }

    /** Header of a transaction to write. */
    record Header(
            long organisationId,
            TransactionKind kind,
            TransactionKind category,
            LocalDate bookingDate,
            String description,
            String reference,
            Long reversesId,
            Long billingRunId) {}

    /**
     * Writes a checked transaction: the header, its postings in batches, the running balances and the
     * monthly turnover rows. Returns the transaction id.
     */
    static long write(EntityManager em, Header h, List<Line> lines, Stamp stamp) {
        check(h.organisationId(), lines);
        Connection c = connection(em);
        try {
            long id = insertHeader(c, h, stamp);
            insertPostings(c, id, h.bookingDate(), lines, stamp);
            updateBalances(c, h, lines);
            return id;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static long insertHeader(Connection c, Header h, Stamp stamp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO LEDGER_TRANSACTION (ORGANISATION_ID, KIND, BOOKING_DATE, DESCRIPTION, REFERENCE,"
                        + " REVERSES_ID, BILLING_RUN_ID, CREATED_AT, ACTOR_ID, ACTOR_LOGIN)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, h.organisationId());
            ps.setString(2, h.kind().name());
            ps.setDate(3, Date.valueOf(h.bookingDate()));
            ps.setString(4, truncate(h.description(), 200));
            ps.setString(5, truncate(h.reference(), 64));
            setLong(ps, 6, h.reversesId());
            setLong(ps, 7, h.billingRunId());
            ps.setTimestamp(8, timestamp(stamp.at()));
            setLong(ps, 9, stamp.actorId());
            ps.setString(10, truncate(stamp.login(), 128));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertPostings(
            Connection c, long transactionId, LocalDate booking, List<Line> lines, Stamp stamp) throws SQLException {
        int bookingPeriod = period(YearMonth.from(booking));
        Date bookingDate = Date.valueOf(booking);
        Timestamp at = timestamp(stamp.at());
        Long actorId = stamp.actorId();
        String login = truncate(stamp.login(), 128);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO LEDGER_POSTING (TRANSACTION_ID, ACCOUNT_ID, UNIT_ID, COMPONENT_ID, PERIOD, AMOUNT,"
                        + " CURRENCY, BOOKING_DATE, CREATED_AT, ACTOR_ID, ACTOR_LOGIN)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (Line line : lines) {
                ps.setLong(1, transactionId);
                ps.setLong(2, line.account().id());
                setLong(ps, 3, line.account().unitId());
                setLong(ps, 4, line.componentId());
                ps.setInt(5, line.period() == null ? bookingPeriod : period(line.period()));
                ps.setBigDecimal(6, line.amount().setScale(LedgerAmounts.SCALE));
                ps.setString(7, line.account().currency());
                ps.setDate(8, bookingDate);
                ps.setTimestamp(9, at);
                setLong(ps, 10, actorId);
                ps.setString(11, login);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    private static void updateBalances(Connection c, Header h, List<Line> lines) throws SQLException {
        // Sorted by account id: every transaction locks account rows in the same order.
        TreeMap<Long, BigDecimal> byAccount = new TreeMap<>();
        for (Line line : lines) {
            byAccount.merge(line.account().id(), line.amount(), BigDecimal::add);
        }
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE LEDGER_ACCOUNT SET BALANCE = BALANCE + ? WHERE ID = ?")) {
            int pending = 0;
            for (Map.Entry<Long, BigDecimal> e : byAccount.entrySet()) {
                ps.setBigDecimal(1, e.getValue().setScale(LedgerAmounts.SCALE));
                ps.setLong(2, e.getKey());
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
        int month = period(YearMonth.from(h.bookingDate()));
        int column =
                switch (h.category()) {
                    case CHARGE -> 0;
                    case PAYMENT, REFUND -> 1;
                    default -> 2;
                };
        List<Map.Entry<Long, BigDecimal>> entries = new ArrayList<>(byAccount.entrySet());
        int[] updated = new int[entries.size()];
        try (PreparedStatement ps = c.prepareStatement("UPDATE LEDGER_ACCOUNT_MONTH SET CHARGES = CHARGES + ?,"
                + " PAYMENTS = PAYMENTS + ?, OTHER = OTHER + ? WHERE ACCOUNT_ID = ? AND PERIOD = ?")) {
            int done = 0;
            for (int i = 0; i < entries.size(); i++) {
                setMonth(ps, column, entries.get(i).getValue());
                ps.setLong(4, entries.get(i).getKey());
                ps.setInt(5, month);
                ps.addBatch();
                if ((i + 1) % BATCH == 0 || i == entries.size() - 1) {
                    int[] counts = ps.executeBatch();
                    System.arraycopy(counts, 0, updated, done, counts.length);
                    done = i + 1;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO LEDGER_ACCOUNT_MONTH (CHARGES, PAYMENTS, OTHER,"
                + " ACCOUNT_ID, PERIOD) VALUES (?, ?, ?, ?, ?)")) {
            int pending = 0;
            for (int i = 0; i < entries.size(); i++) {
                if (updated[i] != 0) {
                    continue; // 1, or SUCCESS_NO_INFO (-2) from drivers that do not count batch rows
                }
                setMonth(ps, column, entries.get(i).getValue());
                ps.setLong(4, entries.get(i).getKey());
                ps.setInt(5, month);
                ps.addBatch();
                if (++pending == BATCH) {
                    ps.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                ps.executeBatch();
            }
        }
    }

    /** Charges are the amounts themselves, payments their opposite (a credit is a payment received). */
    private static void setMonth(PreparedStatement ps, int column, BigDecimal amount) throws SQLException {
        BigDecimal zero = BigDecimal.ZERO.setScale(LedgerAmounts.SCALE);
        BigDecimal a = amount.setScale(LedgerAmounts.SCALE);
        ps.setBigDecimal(1, column == 0 ? a : zero);
        ps.setBigDecimal(2, column == 1 ? a.negate() : zero);
        ps.setBigDecimal(3, column == 2 ? a : zero);
    }

    // ---- reads -------------------------------------------------------------------------------------

    private static final String POSTING_SELECT = "SELECT p.ID, p.TRANSACTION_ID, t.KIND, p.ACCOUNT_ID, p.UNIT_ID,"
            + " p.COMPONENT_ID, p.PERIOD, p.AMOUNT, p.CURRENCY, p.BOOKING_DATE, p.CREATED_AT, p.ACTOR_ID,"
            + " p.ACTOR_LOGIN FROM LEDGER_POSTING p JOIN LEDGER_TRANSACTION t ON t.ID = p.TRANSACTION_ID";

    static Posting posting(ResultSet rs) throws SQLException {
        return new Posting(
                rs.getLong(1),
                rs.getLong(2),
                TransactionKind.valueOf(rs.getString(3)),
                rs.getLong(4),
                nullableLong(rs, 5),
                nullableLong(rs, 6),
                yearMonth(rs.getInt(7)),
                rs.getBigDecimal(8),
                rs.getString(9),
                rs.getDate(10).toLocalDate(),
                instant(rs.getTimestamp(11)),
                nullableLong(rs, 12),
                rs.getString(13));
    }

    static Optional<LedgerTransaction> transaction(EntityManager em, long id) {
        Connection c = connection(em);
        try {
            LedgerTransaction header;
            try (PreparedStatement ps = c.prepareStatement("SELECT t.ID, t.ORGANISATION_ID, t.KIND, t.BOOKING_DATE,"
                    + " t.DESCRIPTION, t.REFERENCE, t.REVERSES_ID, r.ID, t.BILLING_RUN_ID, t.CREATED_AT, t.ACTOR_ID,"
                    + " t.ACTOR_LOGIN FROM LEDGER_TRANSACTION t LEFT JOIN LEDGER_TRANSACTION r ON r.REVERSES_ID = t.ID"
                    + " WHERE t.ID = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    header = new LedgerTransaction(
                            rs.getLong(1),
                            rs.getLong(2),
                            TransactionKind.valueOf(rs.getString(3)),
                            rs.getDate(4).toLocalDate(),
                            rs.getString(5),
                            rs.getString(6),
                            nullableLong(rs, 7),
                            nullableLong(rs, 8),
                            nullableLong(rs, 9),
                            instant(rs.getTimestamp(10)),
                            nullableLong(rs, 11),
                            rs.getString(12),
                            List.of());
                }
            }
            List<Posting> postings = new ArrayList<>();
            try (PreparedStatement ps =
                    c.prepareStatement(POSTING_SELECT + " WHERE p.TRANSACTION_ID = ? ORDER BY p.ID")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        postings.add(posting(rs));
                    }
                }
            }
            return Optional.of(new LedgerTransaction(
                    header.id(),
                    header.organisationId(),
                    header.kind(),
                    header.bookingDate(),
                    header.description(),
                    header.reference(),
                    header.reversesId(),
                    header.reversedById(),
                    header.billingRunId(),
                    header.createdAt(),
                    header.actorId(),
                    header.actorLogin(),
                    postings));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Postings of an account, newest first. */
    static List<Posting> postingsOfAccount(EntityManager em, long accountId, int offset, int limit) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement(POSTING_SELECT + " WHERE p.ACCOUNT_ID = ? ORDER BY p.ID DESC"
                        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")) {
            ps.setLong(1, accountId);
            ps.setInt(2, offset);
            ps.setInt(3, limit);
            List<Posting> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(posting(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Every posting of an account in posting order (for allocation). */
    static List<Posting> allPostingsOfAccount(EntityManager em, long accountId) {
        try (PreparedStatement ps =
                connection(em).prepareStatement(POSTING_SELECT + " WHERE p.ACCOUNT_ID = ? ORDER BY p.ID")) {
            ps.setLong(1, accountId);
            List<Posting> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(posting(rs));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Every posting of an account with its category (a reversal's is the kind it reverses), in posting order. */
    static List<Allocation.Row> allocationRows(EntityManager em, long accountId) {
        try (PreparedStatement ps = connection(em)
                .prepareStatement(
                        "SELECT p.ID, COALESCE(o.KIND, t.KIND), p.COMPONENT_ID, p.PERIOD, p.AMOUNT"
                                + " FROM LEDGER_POSTING p JOIN LEDGER_TRANSACTION t ON t.ID = p.TRANSACTION_ID"
                                + " LEFT JOIN LEDGER_TRANSACTION o ON o.ID = t.REVERSES_ID WHERE p.ACCOUNT_ID = ? ORDER BY p.ID")) {
            ps.setLong(1, accountId);
            List<Allocation.Row> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new Allocation.Row(
                            rs.getLong(1),
                            TransactionKind.valueOf(rs.getString(2)),
                            nullableLong(rs, 3),
                            yearMonth(rs.getInt(4)),
                            rs.getBigDecimal(5)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Locks the account row until the transaction ends and returns its balance. */
    static BigDecimal lockAccount(EntityManager em, long accountId) {
        Connection c = connection(em);
        try (PreparedStatement lock = c.prepareStatement("UPDATE LEDGER_ACCOUNT SET BALANCE = BALANCE WHERE ID = ?");
                PreparedStatement read = c.prepareStatement("SELECT BALANCE FROM LEDGER_ACCOUNT WHERE ID = ?")) {
            lock.setLong(1, accountId);
            lock.executeUpdate();
            read.setLong(1, accountId);
            try (ResultSet rs = read.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static long countPostings(EntityManager em, long accountId) {
        try (PreparedStatement ps =
                connection(em).prepareStatement("SELECT COUNT(*) FROM LEDGER_POSTING WHERE ACCOUNT_ID = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Monthly rows of an account: period -> {charges, payments, other}, in period order. */
    static TreeMap<Integer, BigDecimal[]> months(EntityManager em, long accountId) {
        TreeMap<Integer, BigDecimal[]> result = new TreeMap<>();
        try (PreparedStatement ps = connection(em)
                .prepareStatement(
                        "SELECT PERIOD, CHARGES, PAYMENTS, OTHER FROM LEDGER_ACCOUNT_MONTH WHERE ACCOUNT_ID = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.put(
                            rs.getInt(1),
                            new BigDecimal[] {rs.getBigDecimal(2), rs.getBigDecimal(3), rs.getBigDecimal(4)});
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    static int period(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    static YearMonth yearMonth(int period) {
        return YearMonth.of(period / 100, period % 100);
    }

    static Timestamp timestamp(Instant at) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    static Instant instant(Timestamp ts) {
        return ts == null ? null : ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    static Long nullableLong(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
