package dev.txlab.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Writes and reads the envelope as JSON (Jackson); a body that is not an envelope is rejected with the reason. */
public final class MessageCodec {
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public byte[] encode(Message message) {
        try {
            return json.writeValueAsBytes(message);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode message " + message.messageId() + ": " + e.getMessage(), e);
        }
    }

    /** Reads an envelope, or fails with {@link MalformedMessageException} saying what is wrong. */
    public Message decode(byte[] body) {
        try {
            return json.readValue(body, Message.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessageException("undecodable message body ("
                    + new String(body, 0, Math.min(body.length, 80), StandardCharsets.UTF_8) + "): "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Reads a payload, or fails with {@link MalformedMessageException} saying what is wrong. */
    public <T> T fromJson(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (IOException | RuntimeException e) {
            throw new MalformedMessageException("undecodable " + type.getSimpleName() + " payload ("
                    + payload.substring(0, Math.min(payload.length(), 80)) + "): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
        }
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
