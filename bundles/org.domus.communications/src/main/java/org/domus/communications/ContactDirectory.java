package org.domus.communications;

import java.util.List;
import org.domus.core.Subject;

/**
 * The contact directory: offices with opening hours, staff contacts and emergency numbers, each serving an
 * organisation, an estate or a building ({@link ContactScope}).
 *
 * <p>Staff holding {@link CommunicationsPermissions#DIRECTORY} on the scope keep the entries; staff holding
 * {@link CommunicationsPermissions#READ} or {@code DIRECTORY} read the entries of their scope and the wider
 * entries that serve it. Residents read, through {@link #mine(Subject)}, only what serves the buildings they
 * hold units in; to them every other entry does not exist ({@code NOT_FOUND}); staff outside their scope get
 * {@code FORBIDDEN}. Refused input is an {@link org.domus.core.registry.InvalidFieldsException} naming every bad
 * field, and nothing is written. Every change writes an audit event in its transaction.
 */
public interface ContactDirectory {

    /** The contacts of each building the subject holds a unit in today, ordered by address. */
    List<ContactsOfBuilding> mine(Subject subject);

    /** The offices of the organisation that the subject's staff scope reads. */
    List<Office> offices(Subject subject, long organisationId);

    Office office(Subject subject, long officeId);

    /** Creates (id 0) or updates an office, its hours replaced by those given. */
    Office saveOffice(Subject subject, Office office);

    void deleteOffice(Subject subject, long officeId, long version);

    List<StaffContact> staffContacts(Subject subject, long organisationId);

    StaffContact staffContact(Subject subject, long contactId);

    /** Creates (id 0) or updates a staff contact; a linked account must hold a staff role. */
    StaffContact saveStaffContact(Subject subject, StaffContact contact);

    void deleteStaffContact(Subject subject, long contactId, long version);

    List<EmergencyContact> emergencyContacts(Subject subject, long organisationId);

    EmergencyContact emergencyContact(Subject subject, long contactId);

    /** Creates (id 0) or updates an emergency number. */
    EmergencyContact saveEmergencyContact(Subject subject, EmergencyContact contact);

    void deleteEmergencyContact(Subject subject, long contactId, long version);
}
