package csbot.sim;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Customers and their lines, in memory. Reads and single-line updates go straight to concurrent
 * maps; only adding customers takes a lock, so the request hot path never waits on another line.
 */
final class AccountStore {

    /** A line to add; the store gives it its id and, when {@code iccid} is empty, a fresh valid ICCID. */
    record LineDraft(String msisdn, String iccid, CardType cardType, LineStatus status, String currency,
                     BigDecimal balance, Map<Allowance, Long> allowances, Instant expiresAt) {
    }

    record CustomerDraft(String name, String email, String alternateNumber, List<LineDraft> lines) {
    }

    /** A line before and after one update. */
    record Change(LineAccount before, LineAccount after) {
    }

    /** A line with its owner, as listings need them. */
    record OwnedLine(Customer owner, LineAccount line) {
    }

    /**
     * The simulator keeps no top-up history, so a line's current validity is taken to have begun with a
     * top-up this long before now — or before its expiry, when that has already passed.
     */
    private static final Duration VALIDITY_BEFORE = Duration.ofDays(30);

    /** Issuer range for cards the simulator makes up; seeded cards use realistic country ranges. */
    private static final String GENERATED_ICCID_PREFIX = "8999";

    private final ConcurrentHashMap<String, Customer> customers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, LineAccount> linesByMsisdn = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, String> msisdnByIccid = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Object additions = new Object();

    /** Empty when one of the numbers or ICCIDs is already taken; then nothing is added. */
    Optional<Customer> add(CustomerDraft draft, Instant now) {
        synchronized (additions) {
            if (!allFree(draft.lines())) {
                return Optional.empty();
            }
            Customer customer = new Customer(nextId("C"), draft.name(), draft.email(), draft.alternateNumber(),
                    draft.lines().stream().map(LineDraft::msisdn).toList());
            for (LineDraft line : draft.lines()) {
                LineAccount account = open(customer.id(), line, now);
                linesByMsisdn.put(account.msisdn(), account);
                msisdnByIccid.put(account.iccid(), account.msisdn());
            }
            customers.put(customer.id(), customer);
            return Optional.of(customer);
        }
    }

    private boolean allFree(List<LineDraft> lines) {
        boolean distinct = lines.stream().map(LineDraft::msisdn).distinct().count() == lines.size();
        return distinct && lines.stream().noneMatch(line -> linesByMsisdn.containsKey(line.msisdn())
                || msisdnByIccid.containsKey(line.iccid()));
    }

    Optional<LineAccount> byMsisdn(String msisdn) {
        return Optional.ofNullable(linesByMsisdn.get(msisdn));
    }

    Optional<LineAccount> byIccid(String iccid) {
        return Optional.ofNullable(msisdnByIccid.get(iccid)).flatMap(this::byMsisdn);
    }

    Optional<Customer> owner(LineAccount line) {
        return Optional.ofNullable(customers.get(line.customerId()));
    }

    /** Atomic per line: concurrent updates of the same line apply one after the other. */
    Optional<LineAccount> update(String msisdn, UnaryOperator<LineAccount> change) {
        return Optional.ofNullable(linesByMsisdn.computeIfPresent(msisdn, (key, line) -> change.apply(line)));
    }

    /** Like {@link #update}, also answering the line as it was just before. */
    Optional<Change> change(String msisdn, UnaryOperator<LineAccount> change) {
        LineAccount[] before = new LineAccount[1];
        return update(msisdn, line -> {
            before[0] = line;
            return change.apply(line);
        }).map(after -> new Change(before[0], after));
    }

    /** The line moves onto a new card (a reissue): a fresh ICCID, the old one no longer finds it. */
    Optional<LineAccount> newCard(String msisdn) {
        String iccid = Iccids.withCheckDigit(GENERATED_ICCID_PREFIX + "%014d".formatted(sequence.incrementAndGet()));
        Optional<Change> change = change(msisdn, line -> new LineAccount(line.id(), line.msisdn(), iccid,
                line.customerId(), line.cardType(), line.status(), line.currency(), line.balance(), line.allowances(),
                line.validFrom(), line.expiresAt()));
        change.ifPresent(done -> {
            msisdnByIccid.remove(done.before().iccid());
            msisdnByIccid.put(iccid, msisdn);
        });
        return change.map(Change::after);
    }

    /** In the order they were added. */
    List<OwnedLine> lines() {
        return linesByMsisdn.values().stream()
                .sorted(Comparator.comparing(LineAccount::id))
                .flatMap(line -> owner(line).map(owner -> new OwnedLine(owner, line)).stream())
                .toList();
    }

    void clear() {
        synchronized (additions) {
            customers.clear();
            linesByMsisdn.clear();
            msisdnByIccid.clear();
            sequence.set(0);
        }
    }

    private LineAccount open(String customerId, LineDraft line, Instant now) {
        String iccid = line.iccid().isEmpty()
                ? Iccids.withCheckDigit(GENERATED_ICCID_PREFIX + "%014d".formatted(sequence.incrementAndGet()))
                : line.iccid();
        Instant validFrom = (now.isBefore(line.expiresAt()) ? now : line.expiresAt()).minus(VALIDITY_BEFORE);
        return new LineAccount(nextId("L"), line.msisdn(), iccid, customerId, line.cardType(), line.status(),
                line.currency(), line.balance(), line.allowances(), validFrom, line.expiresAt());
    }

    /** Zero-padded so that sorting by id is sorting by age. */
    private String nextId(String prefix) {
        return prefix + "%07d".formatted(sequence.incrementAndGet());
    }
}
