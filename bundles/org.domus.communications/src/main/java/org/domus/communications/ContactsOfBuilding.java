package org.domus.communications;

import java.util.List;

/**
 * The contacts a resident has for one building they hold a unit in: the emergency numbers (a building's own
 * number of a kind replacing its estate's and organisation's), the offices serving it and the staff looking
 * after it.
 *
 * @param buildingId the building
 * @param address its address
 * @param emergency emergency numbers by kind
 * @param offices offices with their state now
 * @param staff staff contacts, the most specific scope first
 */
public record ContactsOfBuilding(
        long buildingId,
        String address,
        List<EmergencyContact> emergency,
        List<OfficeStatus> offices,
        List<StaffContact> staff) {

    public ContactsOfBuilding {
        emergency = List.copyOf(emergency);
        offices = List.copyOf(offices);
        staff = List.copyOf(staff);
    }
}
