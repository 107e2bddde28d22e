package org.domus.ledger.internal.qr;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.domus.core.registry.FieldError;
import org.domus.core.registry.InvalidFieldsException;
import org.domus.ledger.payment.PaymentOrder;
import org.domus.ledger.payment.PaymentQr;
import org.domus.ledger.payment.PaymentQrCodes;
import org.domus.ledger.payment.PaymentQrStandard;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Chooses the standard by the order's currency (EUR: EPC, CZK: SPAYD, PLN: ZBP; RON and others: none) and
 * encodes the payload with ZXing. Configuration PID {@value #PID}.
 */
@Component(service = PaymentQrCodes.class, configurationPid = PaymentQrCodesImpl.PID)
@Designate(ocd = PaymentQrCodesImpl.Config.class)
public class PaymentQrCodesImpl implements PaymentQrCodes {

    public static final String PID = "org.domus.ledger.payment";

    @ObjectClassDefinition(name = "Domus payment QR codes", description = "Payment QR codes on amounts due")
    public @interface Config {
        @AttributeDefinition(
                name = "SPAYD checksum",
                description = "Add the optional CRC32 attribute to Czech QR Platba codes")
        boolean spaydCrc32() default false;
    }

    private final Map<PaymentQrStandard, PayloadFormat> formats = new EnumMap<>(PaymentQrStandard.class);

    @Activate
    public PaymentQrCodesImpl(Config config) {
        this(config.spaydCrc32());
    }

    public PaymentQrCodesImpl(boolean spaydCrc32) {
        for (PayloadFormat f : List.of(new EpcFormat(), new SpaydFormat(spaydCrc32), new ZbpFormat())) {
            formats.put(f.standard(), f);
        }
    }

    @Override
    public Optional<PaymentQr> create(PaymentOrder order) {
        Optional<PaymentQrStandard> standard = PaymentQrStandard.forCurrency(order.currency());
        if (standard.isEmpty()) {
            return Optional.empty();
        }
        PayloadFormat format = formats.get(standard.get());
        String payload = format.payload(order);
        try {
            return Optional.of(
                    QrSymbol.encode(format.standard(), payload, format.errorCorrection(), format.maxVersion()));
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException(
                    List.of(new FieldError("message", "ledger.payment.payload.too-large", List.of())));
        }
    }
}
