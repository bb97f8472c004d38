package io.servicerecovery.workflow.engine;

import java.util.ArrayList;
import java.util.List;

import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.defaults.DefaultSqlSessionFactory;
import org.camunda.bpm.engine.impl.cfg.JakartaTransactionProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.interceptor.CommandContextInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandCounterInterceptor;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.JakartaTransactionInterceptor;
import org.camunda.bpm.engine.impl.interceptor.LogInterceptor;
import org.jboss.logging.Logger;

/**
 * The engine on Quarkus' JTA transactions: every engine command joins the caller's
 * transaction (or begins one), so a process step and the service's own writes commit or
 * roll back together.
 */
class ServiceProcessEngineConfiguration extends JakartaTransactionProcessEngineConfiguration {

    private static final Logger LOG = Logger.getLogger(ServiceProcessEngineConfiguration.class);

    /**
     * The engine runs its schema check and creation outside any command by default, on a
     * connection it enlists late. Agroal refuses late enlistment ("Deferred enlistment not
     * supported"), so these operations too must begin their transaction first.
     */
    @Override
    protected void initCommandExecutorDbSchemaOperations() {
        if (commandExecutorSchemaOperations == null) {
            List<CommandInterceptor> chain = new ArrayList<>();
            chain.add(new LogInterceptor());
            chain.add(new CommandCounterInterceptor(this));
            chain.add(new JakartaTransactionInterceptor(transactionManager, false, this));
            chain.add(new CommandContextInterceptor(dbSchemaOperationsCommandContextFactory, this));
            chain.add(actualCommandExecutor);
            commandExecutorSchemaOperations = initInterceptorChain(chain);
        }
    }

    /**
     * Takes the mappings that {@link EngineMappings} parsed while Quarkus started, when they were parsed for
     * this database; otherwise parses them as Camunda does. The rest is Camunda's initSqlSessionFactory.
     */
    @Override
    protected void initSqlSessionFactory() {
        if (sqlSessionFactory == null && !isUseSharedSqlSessionFactory) {
            Configuration parsed = EngineMappings.take(databaseType, databaseTablePrefix);
            if (parsed != null) {
                LOG.debugf("Engine mappings for %s parsed ahead, while Quarkus started", databaseType);
                parsed.setEnvironment(new Environment("default", transactionFactory, dataSource));
                parsed.setDefaultStatementTimeout(jdbcStatementTimeout);
                if (isJdbcBatchProcessing()) {
                    parsed.setDefaultExecutorType(ExecutorType.BATCH);
                }
                sqlSessionFactory = new DefaultSqlSessionFactory(parsed);
                return;
            }
        }
        super.initSqlSessionFactory();
    }
}
