package org.domus.ledger.internal.statement;

import java.util.Objects;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrCodes;
import org.domus.ledger.payment.Statement;
import org.domus.ledger.payment.StatementPdf;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Statements as A4 PDFs with the amount due's payment QR code ({@link StatementDocument} lays them out). */
@Component(service = StatementPdf.class)
public class StatementPdfImpl implements StatementPdf {

    private final PaymentQrCodes codes;

    @Activate
    public StatementPdfImpl(@Reference PaymentQrCodes codes) {
        this.codes = Objects.requireNonNull(codes);
    }

    @Override
    public byte[] render(Statement statement) {
        PaymentQr qr = statement.payment() != null && statement.amountDue().signum() > 0
                ? codes.create(statement.payment()).orElse(null)
                : null;
        return new StatementDocument(statement, qr).render();
    }
}
