<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>Banner</name>
    <message numerus="yes">
        <source>%n update subscription(s) have ended. Installing a newer release on those devices puts the product into demo mode; renew to keep receiving updates.</source>
        <translation><numerusform>%n update subscription has ended. Installing a newer release on that device puts the product into demo mode; renew to keep receiving updates.</numerusform><numerusform>%n update subscriptions have ended. Installing a newer release on those devices puts the product into demo mode; renew to keep receiving updates.</numerusform></translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message numerus="yes">
        <source>Ended %n day(s) ago</source>
        <translation><numerusform>Ended %n day ago</numerusform><numerusform>Ended %n days ago</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation><numerusform>Ends in %n day</numerusform><numerusform>Ends in %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Showing %n selected license(s). Pick a quick filter to see all.</source>
        <translation><numerusform>Showing %n selected license. Pick a quick filter to see all.</numerusform><numerusform>Showing %n selected licenses. Pick a quick filter to see all.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) end within %1 days.</source>
        <translation><numerusform>%n license ends within %1 days.</numerusform><numerusform>%n licenses end within %1 days.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The next one ends on %1 (in %n day(s)).</source>
        <translation><numerusform>The next one ends on %1 (in %n day).</numerusform><numerusform>The next one ends on %1 (in %n days).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n</source>
        <translation><numerusform>Shown: %n</numerusform><numerusform>Shown: %n</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation><numerusform>Exported %n row to %1</numerusform><numerusform>Exported %n rows to %1</numerusform></translation>
    </message>
</context>
</TS>
