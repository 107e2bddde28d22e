package org.domus.communications.internal.mail;

/** Where a queued mail is: waiting, being sent by a node holding its claim, sent, or given up. */
public enum MailState {
    QUEUED,
    SENDING,
    SENT,
    FAILED
}
