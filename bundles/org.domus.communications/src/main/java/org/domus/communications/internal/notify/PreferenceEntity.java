package org.domus.communications.internal.notify;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of COMM_PREFERENCE: an account's own choice for one kind and channel (absent: the default). */
@Entity
@Table(name = "COMM_PREFERENCE")
public class PreferenceEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    Long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    long accountId;

    @Column(name = "KIND", nullable = false, length = 24)
    String kind;

    @Column(name = "CHANNEL", nullable = false, length = 16)
    String channel;

    @Column(name = "ENABLED", nullable = false)
    boolean enabled;
}
