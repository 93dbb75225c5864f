package org.omnitill.api.audit;

/**
 * The result of checking the audit chain from its first entry.
 *
 * @param intact whether every entry's hash matches its content and the hash before it
 * @param entriesChecked how many entries were read
 * @param firstBrokenSequence the sequence number of the first entry that does not match, or null
 * @param reason why that entry does not match, or null
 */
public record AuditVerification(boolean intact, long entriesChecked, Long firstBrokenSequence, String reason) {
}
