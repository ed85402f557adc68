package org.illflow.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** New passwords are hashed with BCrypt; the engine's built-in checkers still verify older SHA-512 hashes. */
@Component
class PasswordHashingPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setPasswordEncryptor(new BCryptPasswordEncryptor());
    }
}
