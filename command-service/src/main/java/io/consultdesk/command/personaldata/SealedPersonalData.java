package io.consultdesk.command.personaldata;

/** Personal data encrypted under the key {@code keyId} (AES-GCM; {@code ciphertext} is base64 of IV + sealed bytes). */
public record SealedPersonalData(String keyId, String ciphertext) {
}
