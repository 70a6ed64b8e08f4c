package be.edusprong.lms.web.security;

import be.edusprong.lms.domain.account.AccountService;
import be.edusprong.lms.domain.account.Role;
import be.edusprong.lms.domain.account.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The identity store over our own {@code user_account} table: checks a username and password
 * (PBKDF2, see {@link AccountService}) and gives the account's roles as groups, which map 1:1 to
 * the security roles of web.xml.
 */
@ApplicationScoped
public class LmsIdentityStore implements IdentityStore {
  @Inject AccountService accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential up)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    Optional<UserAccount> account =
        accounts.authenticate(up.getCaller(), up.getPassword().getValue());
    if (account.isEmpty()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Set<String> groups =
        account.get().getRoles().stream().map(Role::name).collect(Collectors.toSet());
    return new CredentialValidationResult(account.get().getUsername(), groups);
  }
}
