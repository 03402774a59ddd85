package dev.firebell.oncall.contact;

import java.util.Map;

/**
 * One contact as oncall.yaml writes it: its {@code id} (null: the default one), {@code type} and
 * the keys its channel reads.
 */
public record ContactEntry(
    String id,
    String type,
    String url,
    String topic,
    String token,
    String to,
    String method,
    Map<String, String> headers,
    String body,
    String contentType,
    String userKey,
    String chatId,
    String channel) {}
