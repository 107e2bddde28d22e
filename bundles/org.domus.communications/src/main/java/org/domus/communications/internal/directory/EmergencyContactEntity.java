package org.domus.communications.internal.directory;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Table;
import org.domus.communications.EmergencyContact;
import org.domus.communications.EmergencyKind;

@Entity
@Table(name = "COMM_EMERGENCY_CONTACT")
public class EmergencyContactEntity extends ScopedEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "KIND", nullable = false, length = 16)
    EmergencyKind kind;

    @Column(name = "COMPANY", nullable = false, length = 200)
    String company;

    @Column(name = "PHONE", nullable = false, length = 40)
    String phone;

    @Column(name = "NOTE", length = 500)
    String note;

    EmergencyContact view() {
        return new EmergencyContact(id, organisationId, scope(), kind, company, phone, note, version);
    }
}
