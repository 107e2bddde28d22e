package org.domus.communications.internal.directory;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Table;
import org.domus.communications.StaffContact;

@Entity
@Table(name = "COMM_STAFF_CONTACT")
public class StaffContactEntity extends ScopedEntity {

    @Column(name = "NAME", nullable = false, length = 200)
    String name;

    @Column(name = "ROLE_LABEL", nullable = false, length = 120)
    String role;

    @Column(name = "PHONE", length = 40)
    String phone;

    @Column(name = "EMAIL", length = 200)
    String email;

    @Column(name = "ACCOUNT_ID")
    Long accountId;

    StaffContact view() {
        return new StaffContact(id, organisationId, scope(), name, role, phone, email, accountId, version);
    }
}
