package org.domus.persistence.testing;

import java.util.Objects;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import org.apache.aries.jpa.template.EmConsumer;
import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;

/**
 * A {@link JpaTemplate} over a plain {@link EntityManagerFactory}, for unit tests that run a module's
 * services against a real (in-memory) database without OSGi. It behaves like Aries' resource-local
 * template for the cases Domus uses: {@code Required} joins the transaction already open on this
 * thread or opens one, {@code RequiresNew} always opens one, a {@link RuntimeException} rolls back and
 * is rethrown unchanged, and {@code Supports} is refused as it is inside Karaf.
 */
public final class ResourceLocalJpaTemplate implements JpaTemplate {

    private final EntityManagerFactory emf;
    private final ThreadLocal<EntityManager> current = new ThreadLocal<>();

    public ResourceLocalJpaTemplate(EntityManagerFactory emf) {
        this.emf = Objects.requireNonNull(emf);
    }

    @Override
    public <R> R txExpr(TransactionType type, EmFunction<R> code) {
        EntityManager joined = current.get();
        switch (type) {
            case Required:
                if (joined != null) {
                    return code.apply(joined);
                }
                return inNewTransaction(code);
            case RequiresNew:
                return inNewTransaction(code);
            case Mandatory:
                if (joined == null) {
                    throw new IllegalStateException("No transaction is active");
                }
                return code.apply(joined);
            default:
                throw new UnsupportedOperationException(type + " is not supported on a resource-local template");
        }
    }

    private <R> R inNewTransaction(EmFunction<R> code) {
        EntityManager previous = current.get();
        EntityManager em = emf.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        current.set(em);
        try {
            tx.begin();
            R result = code.apply(em);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            em.close();
            if (previous == null) {
                current.remove();
            } else {
                current.set(previous);
            }
        }
    }

    @Override
    public void tx(TransactionType type, EmConsumer code) {
        txExpr(type, em -> {
            code.accept(em);
            return null;
        });
    }

    @Override
    public <R> R txExpr(EmFunction<R> code) {
        return txExpr(TransactionType.Required, code);
    }

    @Override
    public void tx(EmConsumer code) {
        tx(TransactionType.Required, code);
    }
}
