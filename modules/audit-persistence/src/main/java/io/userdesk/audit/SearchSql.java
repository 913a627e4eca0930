package io.userdesk.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The SQL behind {@link AuditStore#search} (one page, newest first) and {@link AuditStore#streamMatching} (every match,
 * in chain order).
 *
 * <p>Why a page is a UNION of small queries: a filter such as "actor X" matches X's id <em>or</em> X's name, and a
 * WHERE with that OR cannot be read from one index in time order. PostgreSQL then either collects and sorts every
 * match, or walks the time index newest first until a page is full, and it picks the walk whenever it expects the
 * matches to be spread over time. For a staff member who left a year ago, or a customer whose recent events do not
 * have the asked-for outcome, that walk reads the whole table to fill one page (almost a second on a million events).
 * So each alternative of the most selective filter (user, else customer, else actors, else actions) gets its own
 * query, which reads its own (key, time) index newest first and stops after a page; PostgreSQL merges the few rows.
 * The cost then depends on the page size and on how many events of that user, customer or actor fail the other
 * filters, not on the size or the age of the trail.
 */
final class SearchSql {

    /**
     * Above this many alternatives (many actors at once) a page is one query with the OR again: a UNION of hundreds of
     * branches costs more to plan than it saves.
     */
    static final int MAX_BRANCHES = 64;

    private static final String PAGE_ORDER = " ORDER BY occurred_at DESC, seq DESC LIMIT ?";

    /** A statement and its parameters, in order. */
    record Statement(String sql, List<Object> parameters) {
    }

    private record Condition(String sql, List<Object> parameters) {

        static Condition of(String sql, Object... parameters) {
            return new Condition(sql, List.of(parameters));
        }

        static Condition anyOf(List<Condition> alternatives) {
            if (alternatives.size() == 1) {
                return alternatives.get(0);
            }
            StringBuilder sql = new StringBuilder("(");
            List<Object> parameters = new ArrayList<>();
            for (int i = 0; i < alternatives.size(); i++) {
                sql.append(i == 0 ? "" : " OR ").append(alternatives.get(i).sql());
                parameters.addAll(alternatives.get(i).parameters());
            }
            return new Condition(sql.append(')').toString(), parameters);
        }
    }

    private SearchSql() {
    }

    /**
     * One page of matches, newest first, plus one row that tells whether another page follows.
     *
     * @param query the filters and the page size
     * @param after the previous page's last event, or null for the first page
     * @param columns the columns to select
     */
    static Statement page(AuditQuery query, AuditStore.CursorPosition after, String columns) {
        List<List<Condition>> groups = alternativeGroups(query);
        List<Condition> shared = new ArrayList<>();
        List<Condition> driving = groups.isEmpty() ? List.of() : groups.get(0);
        for (int group = 1; group < groups.size(); group++) {
            shared.add(Condition.anyOf(groups.get(group)));
        }
        shared.addAll(plainConditions(query));
        if (after != null) {
            shared.add(Condition.of("(occurred_at, seq) < (?, ?)", AuditStore.utc(after.occurredAt()), after.seq()));
        }
        int rows = query.pageSize() + 1;
        if (driving.size() <= 1 || driving.size() > MAX_BRANCHES) {
            List<Condition> all = new ArrayList<>();
            if (!driving.isEmpty()) {
                all.add(Condition.anyOf(driving));
            }
            all.addAll(shared);
            List<Object> parameters = new ArrayList<>();
            String sql = "SELECT " + columns + " FROM audit_event" + where(all, parameters) + PAGE_ORDER;
            parameters.add(rows);
            return new Statement(sql, parameters);
        }
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM (");
        List<Object> parameters = new ArrayList<>();
        for (int i = 0; i < driving.size(); i++) {
            List<Condition> branch = new ArrayList<>();
            branch.add(driving.get(i));
            branch.addAll(shared);
            // UNION, not UNION ALL: an event whose id and name both match comes once
            sql.append(i == 0 ? "(" : " UNION (").append("SELECT ").append(columns).append(" FROM audit_event")
                    .append(where(branch, parameters)).append(PAGE_ORDER).append(')');
            parameters.add(rows);
        }
        sql.append(") page").append(PAGE_ORDER);
        parameters.add(rows);
        return new Statement(sql.toString(), parameters);
    }

    /**
     * Every match in chain order (seq): what an export streams.
     *
     * @param query the filters (page size and cursor are not used)
     * @param columns the columns to select
     */
    static Statement all(AuditQuery query, String columns) {
        List<Condition> all = new ArrayList<>();
        for (List<Condition> group : alternativeGroups(query)) {
            all.add(Condition.anyOf(group));
        }
        all.addAll(plainConditions(query));
        List<Object> parameters = new ArrayList<>();
        String sql = "SELECT " + columns + " FROM audit_event" + where(all, parameters) + " ORDER BY seq";
        return new Statement(sql, parameters);
    }

    /**
     * The filters that match one of several values, most selective first; an event must match one alternative of
     * each group. Each alternative is an equality on the leading column of an index ordered by time.
     */
    private static List<List<Condition>> alternativeGroups(AuditQuery query) {
        List<List<Condition>> groups = new ArrayList<>();
        if (query.userId() != null) {
            groups.add(List.of(Condition.of("user_id = ?", query.userId()),
                    Condition.of("lower(user_principal_name) = lower(?)", query.userId())));
        }
        if (query.customerId() != null) {
            groups.add(List.of(Condition.of("customer_id = ?", query.customerId()),
                    Condition.of("lower(customer_name) = lower(?)", query.customerId())));
        }
        if (!query.actors().isEmpty()) {
            List<Condition> actors = new ArrayList<>();
            for (String actor : query.actors()) {
                actors.add(Condition.of("actor_id = ?", actor));
                actors.add(Condition.of("lower(actor_name) = lower(?)", actor));
            }
            groups.add(actors);
        }
        if (!query.eventTypes().isEmpty()) {
            // sorted, so that the same filters give the same statement text (and reuse its prepared plan)
            groups.add(query.eventTypes().stream().sorted(Comparator.comparing(Enum::name))
                    .map(type -> Condition.of("event_type = ?", type.name())).toList());
        }
        return groups;
    }

    private static List<Condition> plainConditions(AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.outcome() != null) {
            conditions.add(Condition.of("outcome = ?", query.outcome().name()));
        }
        if (query.from() != null) {
            conditions.add(Condition.of("occurred_at >= ?", AuditStore.utc(query.from())));
        }
        if (query.to() != null) {
            conditions.add(Condition.of("occurred_at < ?", AuditStore.utc(query.to())));
        }
        return conditions;
    }

    private static String where(List<Condition> conditions, List<Object> parameters) {
        if (conditions.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" WHERE ");
        for (int i = 0; i < conditions.size(); i++) {
            sql.append(i == 0 ? "" : " AND ").append(conditions.get(i).sql());
            parameters.addAll(conditions.get(i).parameters());
        }
        return sql.toString();
    }
}
