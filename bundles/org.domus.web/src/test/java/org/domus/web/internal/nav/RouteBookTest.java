package org.domus.web.internal.nav;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouteBookTest {

    private final List<String> calls = new ArrayList<>();
    private final RouteBook.RouteTarget target = new RouteBook.RouteTarget() {
        @Override
        public void setRoute(String route, Class<? extends Component> viewClass) {
            calls.add("set " + route + " " + viewClass.getSimpleName());
        }

        @Override
        public void removeRoute(String route) {
            calls.add("remove " + route);
        }
    };
    private final RouteBook book = new RouteBook(Set.of("", "login"));

    @Test
    void contributionsArrivingBeforeTheServletAreRegisteredWhenItAttaches() {
        book.add(TestContribution.of("ledger", "g", 1));
        assertTrue(calls.isEmpty());

        book.attach(target);

        assertEquals(List.of("set ledger Div"), calls);
    }

    @Test
    void addingAndRemovingWhileAttachedRegistersAndRemovesTheRoute() {
        book.attach(target);
        TestContribution ledger = TestContribution.of("/ledger/", "g", 1);

        book.add(ledger);
        book.remove(ledger);

        assertEquals(List.of("set ledger Div", "remove ledger"), calls);
        assertTrue(book.active().isEmpty());
    }

    @Test
    void aSecondClaimOnARouteWaitsAndTakesOverWhenTheFirstLeaves() {
        book.attach(target);
        TestContribution first = TestContribution.of("tickets", "g", 1);
        TestContribution second = TestContribution.of("tickets", "g", 1).showing(Span.class);

        book.add(first);
        book.add(second);
        book.remove(first);

        assertEquals(List.of("set tickets Div", "remove tickets", "set tickets Span"), calls);
        assertEquals(List.of(second), book.active());
    }

    @Test
    void removingAWaitingContributionLeavesTheLiveRouteAlone() {
        book.attach(target);
        TestContribution first = TestContribution.of("tickets", "g", 1);
        TestContribution second = TestContribution.of("tickets", "g", 1).showing(Span.class);
        book.add(first);
        book.add(second);

        book.remove(second);

        assertEquals(List.of("set tickets Div"), calls);
        assertEquals(List.of(first), book.active());
    }

    @Test
    void shellRoutesCannotBeTaken() {
        book.attach(target);

        book.add(TestContribution.of("login", "g", 1));

        assertTrue(calls.isEmpty());
        assertTrue(book.active().isEmpty());
    }

    @Test
    void afterDetachNothingReachesTheOldRegistryButTheBookKeepsTrack() {
        book.attach(target);
        book.detach();
        TestContribution ledger = TestContribution.of("ledger", "g", 1);

        book.add(ledger);

        assertTrue(calls.isEmpty());
        assertEquals(Div.class, book.byViewClass(Div.class).orElseThrow().viewClass());
    }
}
