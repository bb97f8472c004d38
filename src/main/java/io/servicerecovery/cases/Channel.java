package io.servicerecovery.cases;

public enum Channel {
    PHONE, EMAIL, CHAT, STORE, WEB
}
