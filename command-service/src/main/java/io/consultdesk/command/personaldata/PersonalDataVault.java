package io.consultdesk.command.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.bson.types.Binary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals personal data with a key of its own per submitter. Keys live in their own collection, each wrapped
 * by the master key; deleting a key (erasure) leaves every event in place and makes its sealed data
 * unreadable for good.
 */
public final class PersonalDataVault {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;

    private final MongoCollection<Document> keys;
    private final SecretKey masterKey;
    private final ObjectMapper json;
    private final Clock clock;

    public PersonalDataVault(MongoDatabase database, byte[] masterKey, ObjectMapper json, Clock clock) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the personal-data master key must be 32 bytes (base64 of 256 bits)");
        }
        this.keys = database.getCollection("personal_data_keys");
        this.masterKey = new SecretKeySpec(masterKey, "AES");
        this.json = json;
        this.clock = clock;
    }

    /** Creates a fresh key and seals {@code data} (any JSON-serialisable value) under it. */
    public SealedPersonalData seal(Object data) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            String keyId = UUID.randomUUID().toString();
            keys.insertOne(new Document("_id", keyId)
                    .append("wrappedKey", new Binary(encrypt(masterKey, key.getEncoded())))
                    .append("createdAt", Date.from(clock.instant())));
            return new SealedPersonalData(keyId, Base64.getEncoder().encodeToString(encrypt(key, json.writeValueAsBytes(data))));
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("could not seal personal data: " + e.getMessage(), e);
        }
    }

    /** The sealed data, or empty when its key was erased. */
    public <T> Optional<T> open(SealedPersonalData sealed, Class<T> type) {
        if (sealed == null) {
            return Optional.empty();
        }
        Document doc = keys.find(Filters.eq("_id", sealed.keyId())).first();
        if (doc == null) {
            return Optional.empty();
        }
        try {
            byte[] raw = decrypt(masterKey, doc.get("wrappedKey", Binary.class).getData());
            byte[] plain = decrypt(new SecretKeySpec(raw, "AES"), Base64.getDecoder().decode(sealed.ciphertext()));
            return Optional.of(json.readValue(plain, type));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("sealed personal data under key " + sealed.keyId() + " could not be opened", e);
        }
    }

    /** Erases the key: the data sealed under it can never be read again. Returns false when it was already gone. */
    public boolean erase(String keyId) {
        return keys.deleteOne(Filters.eq("_id", keyId)).getDeletedCount() > 0;
    }

    private static byte[] encrypt(SecretKey key, byte[] plain) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        byte[] sealed = cipher.doFinal(plain);
        return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
    }

    private static byte[] decrypt(SecretKey key, byte[] ivAndSealed) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, ivAndSealed, 0, IV_BYTES));
        return cipher.doFinal(ivAndSealed, IV_BYTES, ivAndSealed.length - IV_BYTES);
    }
}
