package org.domus.core.internal.jpa;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQueries;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/** A role granted to an account, limited to a scope (organisation, estate, building) or, with null scope columns, everywhere. */
@Entity
@Table(name = "CORE_ACCOUNT_ROLE")
@NamedQueries({
    @NamedQuery(
            name = AccountRoleEntity.BY_ACCOUNT,
            query = "SELECT r FROM AccountRoleEntity r WHERE r.accountId = :accountId"),
    @NamedQuery(name = AccountRoleEntity.ALL, query = "SELECT r FROM AccountRoleEntity r"),
    @NamedQuery(name = AccountRoleEntity.BY_ROLE, query = "SELECT r FROM AccountRoleEntity r WHERE r.role = :role")
})
public class AccountRoleEntity {

    public static final String BY_ACCOUNT = "CoreAccountRole.byAccount";
    public static final String ALL = "CoreAccountRole.all";
    public static final String BY_ROLE = "CoreAccountRole.byRole";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "ID")
    private Long id;

    @Column(name = "ACCOUNT_ID", nullable = false)
    private long accountId;

    @Column(name = "ROLE_NAME", nullable = false, length = 32)
    private String role;

    @Column(name = "SCOPE_TYPE", length = 32)
    private String scopeType;

    @Column(name = "SCOPE_ID")
    private Long scopeId;

    protected AccountRoleEntity() {}

    public AccountRoleEntity(long accountId, String role) {
        this.accountId = accountId;
        this.role = role;
    }

    public AccountRoleEntity(long accountId, String role, String scopeType, Long scopeId) {
        this.accountId = accountId;
        this.role = role;
        this.scopeType = scopeType;
        this.scopeId = scopeId;
    }

    public Long getId() {
        return id;
    }

    public long getAccountId() {
        return accountId;
    }

    public String getRole() {
        return role;
    }

    public String getScopeType() {
        return scopeType;
    }

    public Long getScopeId() {
        return scopeId;
    }
}
