package io.userdesk.emulator.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The faults currently injected, in the order they were added; the first rule that matches a request applies to it
 * and, when it was limited to {@code times} calls, counts one down ("fail the next K calls"). Thread-safe.
 */
public class FaultPlan {
    private final List<FaultRule> rules = new ArrayList<>();
    private long nextId = 1;

    public synchronized FaultRule add(FaultRule rule) {
        String problem = rule.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        rule.id = nextId++;
        rules.add(rule);
        return rule;
    }

    /** The fault for this request, if one applies; a limited rule is used up by this call. */
    public synchronized Optional<FaultRule> take(String method, String path) {
        for (FaultRule rule : rules) {
            if (rule.matches(method, path)) {
                if (rule.times != null) {
                    rule.times--;
                    if (rule.times <= 0) {
                        rules.remove(rule);
                    }
                }
                return Optional.of(rule);
            }
        }
        return Optional.empty();
    }

    public synchronized List<FaultRule> rules() {
        return List.copyOf(rules);
    }

    public synchronized void clear() {
        rules.clear();
    }
}
