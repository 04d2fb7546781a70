#include "keychainsupport.h"
#include "spotify/secretstore.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <cstdio>
#include <optional>

using namespace encore;
using encore::test::keychainExpected;

namespace {

// Tells the test executable to act as the child of noBackendFallsBackToMemory.
constexpr const char *kChildVariable = "ENCORE_SECRETSTORE_CHILD";

Result<QString> readNow(SecretStore &store, const QString &key)
{
    std::optional<Result<QString>> result;
    store.read(key, [&](Result<QString> r) { result = std::move(r); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error{ErrorKind::Unavailable, QStringLiteral("timed out")};
    return *result;
}

Status writeNow(SecretStore &store, const QString &key, const QString &secret)
{
    std::optional<Status> result;
    store.write(key, secret, [&](Status s) { result = std::move(s); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error{ErrorKind::Unavailable, QStringLiteral("timed out")};
    return *result;
}

Status removeNow(SecretStore &store, const QString &key)
{
    std::optional<Status> result;
    store.remove(key, [&](Status s) { result = std::move(s); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, 30000))
        return Error{ErrorKind::Unavailable, QStringLiteral("timed out")};
    return *result;
}

QString uniqueKey()
{
    return SecretStore::refreshTokenKey(QStringLiteral("tst-secretstore-")
                                        + QUuid::createUuid().toString(QUuid::WithoutBraces));
}

// A write, read, overwrite, read, remove, read cycle; an empty string when all went as expected,
// else what went wrong.
QString roundTrip(SecretStore &store)
{
    const QString key = uniqueKey();
    if (Status s = writeNow(store, key, QStringLiteral("first-secret")); !s)
        return QStringLiteral("write: ") + s.error().message;
    if (Result<QString> r = readNow(store, key); !r || *r != QLatin1String("first-secret"))
        return QStringLiteral("read after write: ") + (r ? *r : r.error().message);
    if (Status s = writeNow(store, key, QStringLiteral("second-secret")); !s)
        return QStringLiteral("overwrite: ") + s.error().message;
    if (Result<QString> r = readNow(store, key); !r || *r != QLatin1String("second-secret"))
        return QStringLiteral("read after overwrite: ") + (r ? *r : r.error().message);
    if (Status s = removeNow(store, key); !s)
        return QStringLiteral("remove: ") + s.error().message;
    if (Result<QString> r = readNow(store, key); r || r.error().kind != ErrorKind::NotFound)
        return QStringLiteral("read after remove: ") + (r ? *r : r.error().message);
    if (Status s = removeNow(store, key); !s)
        return QStringLiteral("second remove: ") + s.error().message;
    return {};
}

// The child's whole job: a round trip with whatever keychain its environment offers, reported as
// one JSON line on stdout.
int runChild()
{
    SecretStore store;
    int lost = 0;
    QObject::connect(&store, &SecretStore::persistenceLost, [&] { ++lost; });
    const QString problem = roundTrip(store);
    const QJsonObject report{{QStringLiteral("problem"), problem},
                             {QStringLiteral("persistent"), store.isPersistent()},
                             {QStringLiteral("persistenceLost"), lost}};
    std::fputs(QJsonDocument(report).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    return 0;
}

}  // namespace

class TestSecretStore : public QObject {
    Q_OBJECT

private slots:
    void refreshTokenKeyNamesTheClient()
    {
        QCOMPARE(SecretStore::refreshTokenKey(QStringLiteral("abc123")),
                 QStringLiteral("spotify-refresh-token:abc123"));
        QCOMPARE(SecretStore().service(), QStringLiteral("Encore"));
    }

    void noticeIsOneSentence()
    {
        QCOMPARE(SecretStore::notPersistentNotice(),
                 QStringLiteral("Your sign-in will not be remembered: no keychain is available "
                                "on this system."));
    }

    void memoryBackendRoundTrip()
    {
        SecretStore store(SecretStore::Backend::Memory);
        QVERIFY(!store.isPersistent());
        const QString problem = roundTrip(store);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void memoryStoresAreSeparate()
    {
        SecretStore first(SecretStore::Backend::Memory);
        SecretStore second(SecretStore::Backend::Memory);
        const QString key = uniqueKey();
        QVERIFY(writeNow(first, key, QStringLiteral("x")).ok());
        const Result<QString> r = readNow(second, key);
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::NotFound);
    }

    void keychainRoundTrip()
    {
        SecretStore store;
        QSignalSpy lost(&store, &SecretStore::persistenceLost);
        const QString problem = roundTrip(store);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (!store.isPersistent()) {
            QCOMPARE(lost.count(), 1);
            if (keychainExpected())
                QFAIL("ENCORE_EXPECT_KEYCHAIN=1 but no Secret Service answered: the store fell "
                      "back to memory.");
            QSKIP("No keychain on this system (set ENCORE_EXPECT_KEYCHAIN=1 to make this fail).");
        }
        QCOMPARE(lost.count(), 0);
    }

    // A second store sees what the first one wrote: it really is in the keychain.
    void keychainIsShared()
    {
        SecretStore writer;
        const QString key = uniqueKey();
        QVERIFY(writeNow(writer, key, QStringLiteral("shared-secret")).ok());
        if (!writer.isPersistent()) {
            if (keychainExpected())
                QFAIL("ENCORE_EXPECT_KEYCHAIN=1 but no Secret Service answered.");
            QSKIP("No keychain on this system.");
        }
        SecretStore reader;
        const Result<QString> r = readNow(reader, key);
        QVERIFY2(r.ok(), r ? "" : qPrintable(r.error().message));
        QCOMPARE(*r, QStringLiteral("shared-secret"));
        QVERIFY(removeNow(reader, key).ok());
    }

    void noBackendFallsBackToMemory_data()
    {
        QTest::addColumn<QString>("busAddress");
        QTest::addColumn<bool>("withServiceFiles");
        QTest::newRow("bus address points nowhere")
            << QStringLiteral("unix:path=/nonexistent/encore-test-bus") << false;
        // A private bus that activates nothing: no Secret Service at all.
        QTest::newRow("bus without a Secret Service") << QString() << false;
        // A private bus with the system's service files: a keyring daemon may start, but with no
        // keyring set up it has nowhere to store.
        QTest::newRow("keyring daemon without a keyring") << QString() << true;
    }

    void noBackendFallsBackToMemory()
    {
        QFETCH(QString, busAddress);
        QFETCH(bool, withServiceFiles);
        QTemporaryDir home;  // whatever the bus activates must not touch the user's keyrings
        QVERIFY(home.isValid());
        QProcess bus;
        if (busAddress.isEmpty()) {
            QString config =
                QStringLiteral("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                               "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                               "<busconfig><type>session</type><listen>unix:dir=%1</listen>%2"
                               "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                               "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n")
                    .arg(home.path(), withServiceFiles ? QStringLiteral("<standard_session_servicedirs/>") : QString());
            QFile file(home.filePath(QStringLiteral("bus.conf")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(config.toUtf8());
            file.close();
            QProcessEnvironment busEnv = QProcessEnvironment::systemEnvironment();
            busEnv.insert(QStringLiteral("HOME"), home.path());
            busEnv.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
            busEnv.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral("config")));
            busEnv.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
            bus.setProcessEnvironment(busEnv);
            bus.start(QStringLiteral("dbus-daemon"),
                      {QStringLiteral("--config-file=") + file.fileName(), QStringLiteral("--nofork"),
                       QStringLiteral("--print-address")});
            if (!bus.waitForStarted(5000)) {
                if (keychainExpected())
                    QFAIL("dbus-daemon could not be started.");
                QSKIP("dbus-daemon is not available here.");
            }
            QVERIFY(bus.waitForReadyRead(5000));
            busAddress = QString::fromUtf8(bus.readLine()).trimmed();
            QVERIFY(!busAddress.isEmpty());
        }

        QProcess child;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QLatin1String(kChildVariable), QStringLiteral("1"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), busAddress);
        env.remove(QStringLiteral("DISPLAY"));  // no autolaunched bus either
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral("data")));
        child.setProcessEnvironment(env);
        child.start(QCoreApplication::applicationFilePath(), {});
        const bool finished = child.waitForFinished(120000);
        if (bus.state() != QProcess::NotRunning) {
            bus.terminate();
            bus.waitForFinished(5000);
        }
        QVERIFY(finished);
        QCOMPARE(child.exitCode(), 0);
        const QByteArray out = child.readAllStandardOutput();
        const QJsonObject report = QJsonDocument::fromJson(out.trimmed()).object();
        QVERIFY2(!report.isEmpty(), out.constData());
        QVERIFY2(report.value(QStringLiteral("problem")).toString().isEmpty(), out.constData());
        QCOMPARE(report.value(QStringLiteral("persistent")).toBool(true), false);
        QCOMPARE(report.value(QStringLiteral("persistenceLost")).toInt(), 1);
        // The secrets were never mentioned on the way.
        const QByteArray err = child.readAllStandardError();
        QVERIFY2(!err.contains("secret-") && !out.contains("secret-"), err.constData());
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (qEnvironmentVariable(kChildVariable) == QLatin1String("1"))
        return runChild();
    TestSecretStore test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_secretstore.moc"
